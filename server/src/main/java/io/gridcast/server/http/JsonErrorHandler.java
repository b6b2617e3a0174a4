package io.gridcast.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches the routes (a URI too long, a control character in
 * the path, a malformed header) in the API's JSON error shape instead of Jetty's HTML page. The
 * message is Jetty's reason, never the offending input.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    String reason = HttpStatus.getMessage(code);
    ErrorMapper.ErrorAnswer answer =
        new ErrorMapper.ErrorAnswer(
            ErrorMapper.codeFor(code),
            "request refused by the HTTP layer: " + code + " " + reason,
            Map.of());
    byte[] body = Json.write(answer).getBytes(StandardCharsets.UTF_8);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
