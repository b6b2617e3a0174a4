#!/usr/bin/env Rscript
# Writes the reference in-sample one-step forecasts of fixed-order ARIMA models for
# forecast/src/test/java/.../arima (R 4.2, forecast 8.20): `fitted(Arima(x, ...))` on M3 series
# already in the ARIMA fixtures (m3_series.csv), with mean, drift, seasonal differencing, an
# external regressor and the CSS method, together with the coefficients of each fit, every value
# with 17 significant digits. The Java test fixes the coefficients at R's values, so it checks the
# filter and the regression part, not the optimiser.
# Usage: Rscript arima_fitted_fixtures.R <data_dir> <out_dir>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; out <- args[2]
meta <- read.csv(file.path(data_dir, "m3_meta.csv"), stringsAsFactors = FALSE)
train <- read.csv(file.path(data_dir, "m3_train.csv"), stringsAsFactors = FALSE)
tr <- split(train$y, train$unique_id)
g <- function(v) sprintf("%.17g", v)

# case, series, p d q P D Q, include.mean, include.drift, xreg ("" or "cycle"), method
specs <- list(
  list("fit01", "N1900", c(0,1,1,0,1,1), 0, 0, "", "CSS-ML"),
  list("fit02", "N2000", c(1,0,0,1,0,0), 1, 0, "", "CSS-ML"),
  list("fit03", "N2500", c(1,1,1,0,0,0), 1, 1, "", "CSS-ML"),
  list("fit04", "N0200", c(0,2,1,0,0,0), 0, 0, "", "CSS-ML"),
  list("fit05", "N2200", c(1,0,1,0,0,0), 1, 0, "cycle", "CSS-ML"),
  list("fit06", "N2800", c(2,1,0,0,1,1), 0, 0, "", "ML"),
  list("fit07", "N2830", c(1,1,0,1,0,0), 1, 1, "", "CSS"),
  list("fit08", "N0900", c(0,1,1,0,1,1), 0, 0, "", "CSS-ML"))

cases <- list(); values <- list()
for (s in specs) {
  id <- s[[2]]; m <- meta$period[meta$unique_id == id]; o <- s[[3]]
  x <- ts(tr[[id]], frequency = m)
  n <- length(x)
  xreg <- NULL
  if (s[[6]] == "cycle") {
    xreg <- matrix(sin(2 * pi * seq_len(n) / (2.5 * max(m, 2))), ncol = 1,
                   dimnames = list(NULL, "cycle"))
  }
  fit <- Arima(x, order = o[1:3], seasonal = o[4:6], include.mean = s[[4]] == 1,
               include.drift = s[[5]] == 1, xreg = xreg, method = s[[7]])
  cf <- coef(fit)
  cases[[length(cases) + 1]] <- data.frame(
    case = s[[1]], series = id, period = m, p = o[1], d = o[2], q = o[3], P = o[4], D = o[5],
    Q = o[6], include_mean = s[[4]], include_drift = s[[5]], xreg = s[[6]], method = s[[7]],
    coefficients = paste(paste0(names(cf), "=", g(cf)), collapse = ";"))
  values[[length(values) + 1]] <- data.frame(case = s[[1]], t = seq_len(n) - 1,
                                             fitted = g(as.numeric(fitted(fit))))
}
write.csv(do.call(rbind, cases), file.path(out, "r_arima_fitted_cases.csv"), row.names = FALSE)
write.csv(do.call(rbind, values), file.path(out, "r_arima_fitted_values.csv"), row.names = FALSE)
