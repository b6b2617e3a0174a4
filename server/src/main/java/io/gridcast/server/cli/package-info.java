/**
 * The {@code gridcast} command line: the process roles ({@code serve}, {@code api}, {@code worker})
 * configured by flags and {@code GRIDCAST_*} variables, the HTTP client {@code submit}, and the
 * one-shot {@code optimize}.
 */
package io.gridcast.server.cli;
