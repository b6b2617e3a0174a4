#!/usr/bin/env Rscript
# R side of the speed comparison (bench/scripts/speed-vs-r.sh): forecast::ets() with package defaults
# on M3 monthly series read from shared/data CSVs, timing fit + forecast per series in CPU seconds.
# Usage: Rscript ets_m3_monthly.R <data_dir> <every_kth> <out.csv>
#   every_kth = 1 runs all 1428 monthly series; 7 runs every 7th (204 series).
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
res <- vector("list", nrow(meta))
for (i in seq_len(nrow(meta))) {
  id <- meta$unique_id[i]
  x <- ts(tr[[id]], frequency = 12); y <- te[[id]]; h <- length(y)
  p0 <- proc.time()
  f <- as.numeric(forecast(ets(x), h = h, PI = FALSE)$mean)
  p1 <- proc.time()
  res[[i]] <- data.frame(unique_id = id, smape = mean(200 * abs(y - f) / (abs(y) + abs(f))),
                         cpu_seconds = cpu(p1) - cpu(p0))
}
res <- do.call(rbind, res)
write.csv(res, out, row.names = FALSE)
cat(sprintf("R ets: series=%d cpu_ms_per_series=%.2f sMAPE=%.3f\n",
            nrow(res), 1000 * mean(res$cpu_seconds), mean(res$smape)))
