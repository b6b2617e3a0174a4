#!/usr/bin/env Rscript
# Writes the regression-with-ARIMA-errors reference fixtures for forecast/src/test/java/.../arima
# (R 4.2, forecast 8.20) on the daily bike-sharing data: Arima(y, order, seasonal, include.mean,
# include.drift, xreg = X) and auto.arima(y, xreg = X) on prefixes of casual, registered and cnt
# (frequency 7) with 1 to 3 regressors among temp, hum, windspeed and the 0/1 dummies workingday
# and holiday; every value with 17 significant digits. As arima_fixtures.R, each fixed-order fit is
# repeated on two copies of y perturbed at rounding level and `sensitivity` is the largest relative
# change of a coefficient or forecast between them.
# Usage: Rscript arima_xreg_fixtures.R <data_dir> <out_dir>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out <- args[2]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
bike <- read.csv(file.path(data_dir, "bike", "day.csv"), stringsAsFactors = FALSE)
rows <- 400
bike <- bike[seq_len(rows), c("dteday", "holiday", "workingday", "temp", "hum", "windspeed",
                              "casual", "registered", "cnt")]
g <- function(v) sprintf("%.17g", v)
h <- 14

cases <- list(); vals <- list(); fcs <- list()
add_fit <- function(case, y_name, n, o, cols) {
  y <- ts(bike[[y_name]][seq_len(n)], frequency = 7)
  x <- as.matrix(bike[seq_len(n), cols, drop = FALSE])
  fx <- as.matrix(bike[n + seq_len(h), cols, drop = FALSE])
  fit_of <- function(y) tryCatch(
    Arima(y, order = o[1:3], seasonal = o[4:6], include.mean = o[7] == 1,
          include.drift = o[8] == 1, xreg = x),
    error = function(e) conditionMessage(e))
  fit <- fit_of(y)
  sens <- 0
  for (yp in list(y * (1 + 1e-12), y + 1e-9 * sd(y) * (-1)^seq_len(n))) {
    other <- fit_of(ts(yp, frequency = 7))
    if (is.character(fit) || is.character(other)) { sens <- Inf; next }
    a <- c(coef(fit), forecast(fit, xreg = fx)$mean)
    b <- c(coef(other), forecast(other, xreg = fx)$mean)
    sens <- max(sens, abs(a - b) / pmax(abs(a), 1e-8))
  }
  cases[[length(cases) + 1]] <<- data.frame(
    case = case, series = y_name, n = n, p = o[1], d = o[2], q = o[3], P = o[4], D = o[5],
    Q = o[6], include_mean = o[7], include_drift = o[8], h = h,
    xreg = paste(cols, collapse = ";"), sensitivity = g(sens),
    error = if (is.character(fit)) gsub(",", ";", fit) else "")
  if (is.character(fit)) return(invisible())
  v <- c(coef(fit), loglik = fit$loglik, sigma2 = fit$sigma2)
  vals[[length(vals) + 1]] <<- data.frame(case = case, key = names(v), value = g(v))
  f <- forecast(fit, xreg = fx, level = c(80, 95))
  fcs[[length(fcs) + 1]] <<- data.frame(
    case = case, step = seq_len(h), mean = g(f$mean), lo95 = g(f$lower[, 2]),
    hi95 = g(f$upper[, 2]))
}

fixed <- list(
  list("cnt", 200, c(1,0,1,0,0,0,1,0), c("temp")),
  list("cnt", 300, c(1,0,0,1,0,0,1,0), c("temp", "workingday")),
  list("casual", 250, c(2,0,0,1,0,0,1,0), c("temp", "hum", "workingday")),
  list("casual", 350, c(0,1,1,0,0,0,0,1), c("temp", "holiday")),
  list("registered", 300, c(0,1,1,0,1,1,0,0), c("temp", "workingday")),
  list("registered", 200, c(1,1,0,0,0,0,0,0), c("windspeed", "hum")),
  list("cnt", 380, c(1,1,1,0,0,0,0,1), c("temp", "hum", "windspeed")),
  list("casual", 150, c(1,0,0,0,0,0,1,0), c("workingday")))
k <- 0
for (fc in fixed) {
  k <- k + 1
  add_fit(sprintf("xfixed%02d", k), fc[[1]], fc[[2]], fc[[3]], fc[[4]])
}
write.csv(do.call(rbind, cases), file.path(out, "r_arima_x_cases.csv"), row.names = FALSE)
write.csv(do.call(rbind, vals), file.path(out, "r_arima_x_values.csv"), row.names = FALSE)
write.csv(do.call(rbind, fcs), file.path(out, "r_arima_x_forecasts.csv"), row.names = FALSE)

autos <- list(
  list("cnt", 120, c("temp")),
  list("casual", 140, c("temp", "workingday")),
  list("registered", 100, c("temp", "hum", "workingday")),
  list("cnt", 300, c("temp", "hum", "workingday")),
  list("casual", 365, c("temp", "holiday")),
  list("registered", 250, c("workingday", "windspeed")))
auto_rows <- list()
k <- 0
for (ac in autos) {
  k <- k + 1
  n <- ac[[2]]
  y <- ts(bike[[ac[[1]]]][seq_len(n)], frequency = 7)
  x <- as.matrix(bike[seq_len(n), ac[[3]], drop = FALSE])
  fit <- auto.arima(y, xreg = x)
  o <- arimaorder(fit)
  o <- if (length(o) >= 6) o[1:6] else c(o, 0, 0, 0)
  cn <- names(coef(fit))
  auto_rows[[k]] <- data.frame(
    case = sprintf("xauto%02d", k), series = ac[[1]], n = n, xreg = paste(ac[[3]], collapse = ";"),
    p = o[1], d = o[2], q = o[3], P = o[4], D = o[5], Q = o[6],
    constant = as.integer(any(cn %in% c("intercept", "drift"))), aicc = g(fit$aicc))
}
write.csv(do.call(rbind, auto_rows), file.path(out, "r_auto_arima_x.csv"), row.names = FALSE)
write.csv(bike, file.path(out, "bike_first_400_days.csv"), row.names = FALSE)
cat(sprintf("fixtures: %d fixed-order fits, %d auto.arima, R %s, forecast %s\n", length(cases),
            length(auto_rows), getRversion(), packageVersion("forecast")))
