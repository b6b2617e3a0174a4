#!/usr/bin/env Rscript
# Writes the auto.arima() reference fixtures for forecast/src/test/java/.../arima (R 4.2, forecast
# 8.20): the orders auto.arima() chooses with its defaults on a sample of M3 series (every 12th
# monthly, every 50th quarterly, every 40th yearly, every 20th other), and the differencing tests
# it runs: the KPSS statistic (ur.kpss type "mu", lag trunc(3 sqrt(n) / 13)) of the series and of
# its first difference, ndiffs(), the seasonal strength of nsdiffs(test = "seas") and nsdiffs();
# and auto.arima(approximation = TRUE) on every 48th monthly series.
# Usage: Rscript auto_arima_fixtures.R <data_dir> <out_dir>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out <- args[2]
meta <- read.csv(file.path(data_dir, "m3_meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(data_dir, "m3_train.csv"), stringsAsFactors = FALSE)
tr <- split(train$y, train$unique_id)
g <- function(v) sprintf("%.17g", v)
sample_ids <- function(type, every) {
  ids <- meta$unique_id[meta$type == type]
  ids[seq(1, length(ids), by = every)]
}
ids <- c(sample_ids("MONTHLY", 12), sample_ids("QUARTERLY", 50), sample_ids("YEARLY", 40),
         sample_ids("OTHER", 20))
auto <- list(); tests <- list()
for (id in ids) {
  m <- meta$period[meta$unique_id == id]; x <- ts(tr[[id]], frequency = m); n <- length(x)
  fit <- auto.arima(x); a <- fit$arma; cf <- coef(fit)
  auto[[length(auto) + 1]] <- data.frame(
    series = id, period = m, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7], Q = a[4],
    mean = as.integer("intercept" %in% names(cf)), drift = as.integer("drift" %in% names(cf)),
    aicc = g(fit$aicc), loglik = g(fit$loglik))
  kp <- urca::ur.kpss(x, type = "mu", use.lag = trunc(3 * sqrt(n) / 13))@teststat
  kd <- urca::ur.kpss(diff(x), type = "mu", use.lag = trunc(3 * sqrt(n - 1) / 13))@teststat
  st <- if (m > 1 && n > 2 * m) g(forecast:::seas.heuristic(x)) else ""
  tests[[length(tests) + 1]] <- data.frame(
    series = id, period = m, kpss = g(kp), kpss_diff = g(kd), ndiffs = ndiffs(x),
    seasonal_strength = st, nsdiffs = if (m > 1) nsdiffs(x) else 0)
}
write.csv(do.call(rbind, auto), file.path(out, "r_auto_arima.csv"), row.names = FALSE)
write.csv(do.call(rbind, tests), file.path(out, "r_differencing_tests.csv"), row.names = FALSE)
# The CSS approximation R uses on long or high-frequency series, forced on every 48th monthly one.
approx <- list()
for (id in sample_ids("MONTHLY", 48)) {
  x <- ts(tr[[id]], frequency = 12)
  fit <- auto.arima(x, approximation = TRUE); a <- fit$arma; cf <- coef(fit)
  approx[[length(approx) + 1]] <- data.frame(
    series = id, period = 12, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7], Q = a[4],
    mean = as.integer("intercept" %in% names(cf)), drift = as.integer("drift" %in% names(cf)),
    aicc = g(fit$aicc), loglik = g(fit$loglik))
}
write.csv(do.call(rbind, approx), file.path(out, "r_auto_arima_approximation.csv"),
          row.names = FALSE)
write.csv(train[train$unique_id %in% ids, ], file.path(out, "m3_sample_series.csv"),
          row.names = FALSE)
cat(sprintf("fixtures: %d auto.arima series, R %s, forecast %s\n", length(auto), getRversion(),
            packageVersion("forecast")))
