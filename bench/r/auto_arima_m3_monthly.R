#!/usr/bin/env Rscript
# R side of the auto_arima comparison (bench/scripts/arima-vs-r.sh): forecast::auto.arima() with
# package defaults on M3 monthly series read from shared/data CSVs, timing fit + forecast per series
# in CPU seconds, and writing the chosen orders and forecasts.
# Usage: Rscript auto_arima_m3_monthly.R <data_dir> <every_kth> <out_prefix>
#   every_kth = 1 runs all 1428 monthly series; writes <out_prefix>_orders.csv and
#   <out_prefix>_forecasts.csv (one row per series and step).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; every <- as.integer(args[2]); out <- args[3]
meta <- read.csv(file.path(data_dir, "m3_meta.csv"), stringsAsFactors = FALSE)
meta <- meta[meta$type == "MONTHLY", ]
meta <- meta[seq(1, nrow(meta), by = every), ]
train <- read.csv(file.path(data_dir, "m3_train.csv"), stringsAsFactors = FALSE)
test <- read.csv(file.path(data_dir, "m3_test.csv"), stringsAsFactors = FALSE)
tr <- split(train$y, train$unique_id); te <- split(test$y, test$unique_id)
cpu <- function(p) p[["user.self"]] + p[["sys.self"]]
res <- vector("list", nrow(meta)); fc <- vector("list", nrow(meta))
for (i in seq_len(nrow(meta))) {
  id <- meta$unique_id[i]
  x <- ts(tr[[id]], frequency = 12); y <- te[[id]]; h <- length(y)
  p0 <- proc.time()
  fit <- auto.arima(x)
  f <- as.numeric(forecast(fit, h = h, level = c(80, 95))$mean)
  p1 <- proc.time()
  a <- fit$arma
  cf <- coef(fit)
  res[[i]] <- data.frame(unique_id = id, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7],
                         Q = a[4], mean = as.integer("intercept" %in% names(cf)),
                         drift = as.integer("drift" %in% names(cf)), aicc = fit$aicc,
                         loglik = fit$loglik, smape = mean(200 * abs(y - f) / (abs(y) + abs(f))),
                         cpu_seconds = cpu(p1) - cpu(p0))
  fc[[i]] <- data.frame(unique_id = id, step = seq_len(h), y_hat = f)
}
res <- do.call(rbind, res)
write.csv(res, paste0(out, "_orders.csv"), row.names = FALSE)
write.csv(do.call(rbind, fc), paste0(out, "_forecasts.csv"), row.names = FALSE)
cat(sprintf("R auto.arima: series=%d cpu_ms_per_series=%.2f sMAPE=%.3f\n",
            nrow(res), 1000 * mean(res$cpu_seconds), mean(res$smape)))
