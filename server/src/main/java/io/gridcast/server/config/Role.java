package io.gridcast.server.config;

/** What one process does: answer HTTP, run jobs, or both. */
public enum Role {
  /** HTTP API and workers in one process ({@code gridcast serve}). */
  SERVE,
  /** HTTP API only ({@code gridcast api}). */
  API,
  /** Workers only ({@code gridcast worker}). */
  WORKER;

  public boolean http() {
    return this != WORKER;
  }

  public boolean workers() {
    return this != API;
  }
}
