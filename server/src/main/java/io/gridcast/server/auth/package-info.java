/**
 * Users, roles and API tokens: who may call the API. Tokens are 256 random bits, shown once and
 * stored only as their SHA-256; the HTTP layer turns a bearer token into a caller through {@link
 * io.gridcast.server.auth.UserStore#authenticate(String)}.
 */
package io.gridcast.server.auth;
