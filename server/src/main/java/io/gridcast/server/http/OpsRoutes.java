package io.gridcast.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Operations and reference: health, readiness, the model registry, the OpenAPI document. */
final class OpsRoutes implements RouteGroup {
  static final String OPENAPI_RESOURCE = "/io/gridcast/server/http/openapi.json";
  static final String OPENAPI_PATH = "/api/openapi.json";

  private final BooleanSupplier ready;
  private final Supplier<Object> models;
  private final byte[] openapi;

  OpsRoutes(BooleanSupplier ready, Supplier<Object> models) {
    this.ready = ready;
    this.models = models;
    this.openapi = openApiDocument();
  }

  static byte[] openApiDocument() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + OPENAPI_RESOURCE);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void register(RoutesConfig r) {
    r.get("/healthz", ctx -> json(ctx, 200, new Health("ok")));
    r.get("/readyz", this::readyz);
    r.get("/api/models", ctx -> json(ctx, 200, models.get()));
    r.get(OPENAPI_PATH, ctx -> ctx.contentType("application/json").result(openapi));
  }

  private void readyz(Context ctx) {
    boolean ok;
    try {
      ok = ready.getAsBoolean();
    } catch (RuntimeException e) {
      ok = false;
    }
    if (ok) {
      json(ctx, 200, new Health("ready"));
    } else {
      throw new ApiException(503, "not_ready", "the job database is not reachable");
    }
  }

  /** A liveness or readiness answer. */
  record Health(String status) {}

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json").result(Json.write(body));
  }
}
