package io.gridcast.queue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A worker process for the multi-process tests: {@code WorkerMain url user password workerId type
 * mode slots leaseMillis [maintenanceMillis]}. Mode {@code noop} completes jobs at once; {@code
 * hang} prints {@code RUNNING <id>} and blocks forever (the test then kills the process with
 * SIGKILL). Prints {@code READY} once started; exits when standard input closes.
 */
public final class WorkerMain {
  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String user = "-".equals(args[1]) ? null : args[1];
    String password = "-".equals(args[2]) ? null : args[2];
    String workerId = args[3];
    String type = args[4];
    String mode = args[5];
    int slots = Integer.parseInt(args[6]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[7]));
    Duration maintenance =
        args.length > 8
            ? Duration.ofMillis(Long.parseLong(args[8]))
            : JobQueueBuilderBase.DEFAULT_MAINTENANCE_INTERVAL;
    JobHandler handler =
        "hang".equals(mode)
            ? ctx -> {
              System.out.println("RUNNING " + ctx.id());
              System.out.flush();
              Thread.sleep(Long.MAX_VALUE);
              return null;
            }
            : ctx -> "{\"by\":\"" + workerId + "\"}";
    try (JobQueue q =
        JobQueue.create(url, user, password)
            .workerId(workerId)
            .workers(slots)
            .lease(lease)
            .heartbeat(lease.dividedBy(4))
            .pollInterval(Duration.ofMillis(200))
            .maintenanceInterval(maintenance)
            .register(type, handler)
            .build()) {
      q.start();
      System.out.println("READY");
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      while (in.readLine() != null) {
        // wait for the parent to close stdin
      }
      q.stop(Duration.ofSeconds(5));
    }
  }
}
