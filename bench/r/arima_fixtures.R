#!/usr/bin/env Rscript
# Writes the fixed-order ARIMA reference fixtures for forecast/src/test/java/.../arima (R 4.2,
# forecast 8.20): Arima() fits with and without mean/drift/xreg on M3 series, every value with 17
# significant digits. Each fit is repeated on two copies of the series perturbed at rounding level
# (x (1 + 1e-12) and x + 1e-9 sd(x) (-1)^t); `sensitivity` is the largest relative change of a
# coefficient, the log-likelihood or a forecast between them: R's own answer is only defined to
# that precision (near-flat likelihoods, optimiser stopped at its iteration limit).
# Usage: Rscript arima_fixtures.R <data_dir> <out_dir>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out <- args[2]
meta <- read.csv(file.path(data_dir, "m3_meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(data_dir, "m3_train.csv"), stringsAsFactors = FALSE)
tr <- split(train$y, train$unique_id)
g <- function(v) sprintf("%.17g", v)
period_of <- function(id) meta$period[meta$unique_id == id]
horizon_of <- function(id) meta$horizon[meta$unique_id == id]

fixed_series <- c("N0010", "N0050", "N0100", "N0200", "N0300", "N0500",
                  "N0650", "N0700", "N0800", "N0900", "N1100", "N1300",
                  "N1402", "N1500", "N1650", "N1900", "N2000", "N2200", "N2500", "N2800",
                  "N2830", "N2900", "N2950", "N3000")
orders <- list(
  "1" = list(c(0,1,0,0,0,0,1,1), c(1,1,0,0,0,0,1,1), c(0,1,1,0,0,0,1,0), c(1,0,0,0,0,0,1,0),
             c(2,0,1,0,0,0,1,0), c(0,2,1,0,0,0,0,0), c(1,0,1,0,0,0,1,1), c(0,0,2,0,0,0,0,0)),
  "4" = list(c(1,0,0,1,0,0,1,0), c(0,1,1,0,1,1,0,0), c(1,0,1,0,1,1,1,1), c(2,1,0,0,0,0,1,1),
             c(0,1,0,1,1,0,0,0)),
  "12" = list(c(0,1,1,0,1,1,0,0), c(1,0,0,1,0,0,1,0), c(1,0,1,0,1,1,1,1), c(2,1,1,1,1,0,0,0),
              c(1,1,1,0,0,0,1,1), c(1,1,0,2,1,0,0,0), c(0,1,2,0,1,2,0,0)))

cases <- list(); scal <- list(); fcs <- list()
add_fit <- function(case, id, m, o, h, xreg = NULL, newxreg = NULL) {
  cols <- if (is.null(xreg)) "" else paste(colnames(xreg), collapse = ";")
  x <- ts(tr[[id]], frequency = m)
  arima_of <- function(x) tryCatch(
    Arima(x, order = o[1:3], seasonal = o[4:6], include.mean = o[7] == 1,
          include.drift = o[8] == 1, xreg = xreg),
    error = function(e) conditionMessage(e))
  fit <- arima_of(x)
  n <- length(x)
  sens <- 0
  for (xp in list(x * (1 + 1e-12), x + 1e-9 * sd(x) * (-1)^seq_len(n))) {
    other <- arima_of(ts(xp, frequency = m))
    if (is.character(fit) || is.character(other)) {
      sens <- if (is.character(fit) && is.character(other)) max(sens, 0) else Inf
      next
    }
    a <- c(coef(fit), fit$loglik, forecast(fit, h = h, xreg = newxreg)$mean)
    b <- c(coef(other), other$loglik, forecast(other, h = h, xreg = newxreg)$mean)
    sens <- max(sens, abs(a - b) / pmax(abs(a), 1e-8))
  }
  cases[[length(cases) + 1]] <<- data.frame(
    case = case, series = id, period = m, p = o[1], d = o[2], q = o[3], P = o[4], D = o[5],
    Q = o[6], include_mean = o[7], include_drift = o[8], h = h,
    xreg = cols, sensitivity = g(sens),
    error = if (is.character(fit)) gsub(",", ";", fit) else "")
  if (is.character(fit)) return(invisible())
  cf <- coef(fit)
  v <- c(cf, loglik = fit$loglik, aic = fit$aic, aicc = fit$aicc, bic = fit$bic,
         sigma2 = fit$sigma2)
  scal[[length(scal) + 1]] <<- data.frame(case = case, key = names(v), value = g(v))
  f <- forecast(fit, h = h, level = c(80, 95), xreg = newxreg)
  fcs[[length(fcs) + 1]] <<- data.frame(
    case = case, step = seq_len(h), mean = g(f$mean), lo80 = g(f$lower[, 1]),
    hi80 = g(f$upper[, 1]), lo95 = g(f$lower[, 2]), hi95 = g(f$upper[, 2]))
}

k <- 0
for (id in fixed_series) {
  m <- period_of(id); h <- horizon_of(id)
  for (o in orders[[as.character(m)]]) {
    k <- k + 1
    add_fit(sprintf("fixed%03d", k), id, m, o, h)
  }
}

# Regression with ARIMA errors: deterministic synthetic regressors (a cycle and a step).
regressors <- function(n, h, m, cols) {
  t <- seq_len(n + h)
  all <- cbind(cycle = sin(2 * pi * t / (2.5 * max(m, 2))), step = as.numeric(t > 0.6 * n),
               ramp = pmax(0, t - 0.5 * n) / n)
  all <- all[, cols, drop = FALSE]
  list(x = all[1:n, , drop = FALSE], f = all[n + seq_len(h), , drop = FALSE])
}
xreg_cases <- list(
  list("N1500", c(1,0,0,0,0,0,1,0), c("cycle", "step")),
  list("N1900", c(0,1,1,0,0,0,0,1), c("cycle", "step")),
  list("N2000", c(1,1,0,0,0,0,0,0), c("step")),
  list("N1402", c(0,1,1,0,1,1,0,0), c("cycle")),
  list("N0700", c(1,0,1,0,0,0,1,1), c("step", "ramp")),
  list("N0100", c(1,0,0,0,0,0,1,0), c("ramp")))
k <- 0
for (xc in xreg_cases) {
  k <- k + 1
  id <- xc[[1]]; m <- period_of(id); h <- horizon_of(id); n <- length(tr[[id]])
  r <- regressors(n, h, m, xc[[3]])
  add_fit(sprintf("xreg%03d", k), id, m, xc[[2]], h, xreg = r$x, newxreg = r$f)
}
write.csv(do.call(rbind, cases), file.path(out, "r_arima_cases.csv"), row.names = FALSE)
write.csv(do.call(rbind, scal), file.path(out, "r_arima_values.csv"), row.names = FALSE)
write.csv(do.call(rbind, fcs), file.path(out, "r_arima_forecasts.csv"), row.names = FALSE)
used <- unique(c(fixed_series, sapply(xreg_cases, `[[`, 1)))
write.csv(train[train$unique_id %in% used, ], file.path(out, "m3_series.csv"), row.names = FALSE)

cat(sprintf("fixtures: %d fits, R %s, forecast %s\n", length(cases), getRversion(),
            packageVersion("forecast")))
