package io.gridcast.queue;

import java.util.List;

/**
 * One page of a listing, newest first.
 *
 * @param nextCursor pass to the next {@code jobList} call; null when this is the last page
 */
public record JobPage(List<Job> jobs, String nextCursor) {
  public JobPage {
    jobs = List.copyOf(jobs);
  }
}
