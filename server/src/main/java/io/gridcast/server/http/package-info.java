/**
 * The HTTP API on Javalin (virtual threads): routes, the one place that resolves the caller, the
 * one place that maps exceptions to the JSON error shape {@code {"error":{"code","message",
 * "details"}}}, the event stream and the OpenAPI document.
 */
package io.gridcast.server.http;
