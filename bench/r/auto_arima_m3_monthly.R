#!/usr/bin/env Rscript
# R side of the auto_arima comparison (bench/scripts/arima-vs-r.sh): forecast::auto.arima() with
# package defaults on M3 monthly series read from shared/data CSVs, timing fit + forecast per series
# in CPU seconds, and writing the chosen orders and forecasts.
# Usage: Rscript auto_arima_m3_monthly.R <data_dir> <every_kth> <out_prefix> [<part> <parts>]
#   every_kth = 1 runs all 1428 monthly series, in the order every 12th first, then the next
#   offsets, so that a run stopped early has compared a spread of the series. Rows are appended to
#   <out_prefix>_orders.csv and <out_prefix>_forecasts.csv (one row per series and step) as each
#   series finishes. <part> of <parts> (0-based) runs every parts-th series of that order, for
#   several R processes side by side (give each its own out_prefix).
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- args[1]; every <- as.integer(args[2]); out <- args[3]
part <- if (length(args) >= 5) as.integer(args[4]) else 0L
parts <- if (length(args) >= 5) as.integer(args[5]) else 1L
meta <- read.csv(file.path(data_dir, "m3_meta.csv"), stringsAsFactors = FALSE)
meta <- meta[meta$type == "MONTHLY", ]
meta <- meta[seq(1, nrow(meta), by = every), ]
spread <- unlist(lapply(0:11, function(k) seq(1 + k, nrow(meta), by = 12)))
spread <- spread[seq_along(spread) %% parts == part]
train <- read.csv(file.path(data_dir, "m3_train.csv"), stringsAsFactors = FALSE)
test <- read.csv(file.path(data_dir, "m3_test.csv"), stringsAsFactors = FALSE)
tr <- split(train$y, train$unique_id); te <- split(test$y, test$unique_id)
cpu <- function(p) p[["user.self"]] + p[["sys.self"]]
append_row <- function(df, file, first) {
  write.table(df, file, sep = ",", row.names = FALSE, col.names = first, append = !first)
}
cpu_total <- 0; smape_total <- 0; first <- TRUE
for (i in spread) {
  id <- meta$unique_id[i]
  x <- ts(tr[[id]], frequency = 12); y <- te[[id]]; h <- length(y)
  p0 <- proc.time()
  fit <- auto.arima(x)
  f <- as.numeric(forecast(fit, h = h, level = c(80, 95))$mean)
  p1 <- proc.time()
  a <- fit$arma
  cf <- coef(fit)
  smape <- mean(200 * abs(y - f) / (abs(y) + abs(f)))
  append_row(data.frame(unique_id = id, p = a[1], d = a[6], q = a[2], P = a[3], D = a[7],
                        Q = a[4], mean = as.integer("intercept" %in% names(cf)),
                        drift = as.integer("drift" %in% names(cf)), aicc = fit$aicc,
                        loglik = fit$loglik, smape = smape, cpu_seconds = cpu(p1) - cpu(p0)),
             paste0(out, "_orders.csv"), first)
  append_row(data.frame(unique_id = id, step = seq_len(h), y_hat = f),
             paste0(out, "_forecasts.csv"), first)
  first <- FALSE
  cpu_total <- cpu_total + cpu(p1) - cpu(p0); smape_total <- smape_total + smape
}
cat(sprintf("R auto.arima: series=%d cpu_ms_per_series=%.2f sMAPE=%.3f\n",
            length(spread), 1000 * cpu_total / length(spread), smape_total / length(spread)))
