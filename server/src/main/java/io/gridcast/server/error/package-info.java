/**
 * Errors as users see them: {@link io.gridcast.server.error.ServerException}, the root of every
 * server exception (HTTP status, stable code, details), and {@link
 * io.gridcast.server.error.JsonProblem}, which words a malformed JSON document without the parser's
 * internals. Depends on nothing else in the server.
 */
package io.gridcast.server.error;
