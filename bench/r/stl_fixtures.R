#!/usr/bin/env Rscript
# Reference values for Gridcast's STL / MSTL port (forecast/src/test/.../decompose) and the mstl_ets /
# mstl_theta models: R's stats::stl(), forecast::mstl() and forecast(mstl(x), ...) on M3, M4 hourly and
# seeded synthetic series. Written with 17 significant digits.
# Usage: Rscript bench/r/stl_fixtures.R <data_dir=../shared/data> <out_dir=forecast/src/test/resources/reference/decompose>
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
data_dir <- if (length(args) >= 1) args[1] else "../shared/data"
out_dir <- if (length(args) >= 2) args[2] else "forecast/src/test/resources/reference/decompose"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
g <- function(v) sprintf("%.17g", v)

read_series <- function(file, ids) {
  d <- read.csv(file.path(data_dir, file), stringsAsFactors = FALSE)
  lapply(setNames(ids, ids), function(id) d$y[d$unique_id == id])
}
m3 <- read_series("m3_train.csv", c("N0700", "N1402", "N1500", "N1900"))
m4 <- read_series("m4_hourly_train.csv", c("H1", "H150"))

# Seeded synthetic series: two cycles (24 and 168) on an hourly grid with a few outliers, and a long
# daily series with a weekly and a yearly (365.25) cycle.
set.seed(20261207)
t <- seq_len(672)
hourly2 <- 100 + 0.02 * t + 10 * sin(2 * pi * t / 24) + 6 * cos(2 * pi * t / 168) + rnorm(672, sd = 2)
hourly2[c(50, 300, 601)] <- hourly2[c(50, 300, 601)] + c(40, -35, 50)
t <- seq_len(1300)
daily <- 50 + 0.01 * t + 5 * sin(2 * pi * t / 7) + 10 * sin(2 * pi * t / 365.25) + rnorm(1300, sd = 1.5)
series <- c(m3, m4, list(synth_hourly2 = hourly2, synth_daily = daily))

con <- file(file.path(out_dir, "series.csv"), "w")
writeLines("series_id,t,y", con)
for (id in names(series)) {
  writeLines(paste(id, seq_along(series[[id]]), g(series[[id]]), sep = ","), con)
}
close(con)

# STL cases: the arguments given to stl() (NA = R's default), then what R resolved.
cases <- list(
  list(id = "n1402_periodic", series = "N1402", period = 12, s.window = "periodic", robust = FALSE),
  list(id = "n1402_periodic_robust", series = "N1402", period = 12, s.window = "periodic", robust = TRUE),
  list(id = "n1500_s7", series = "N1500", period = 12, s.window = 7, robust = FALSE),
  list(id = "n1500_s13_robust", series = "N1500", period = 12, s.window = 13, robust = TRUE),
  list(id = "n0700_s7", series = "N0700", period = 4, s.window = 7, robust = FALSE),
  list(id = "n1900_custom", series = "N1900", period = 12, s.window = 9, robust = FALSE,
       s.degree = 1, t.window = 15, t.jump = 1, l.jump = 1, inner = 3),
  list(id = "h1_24_periodic", series = "H1", period = 24, s.window = "periodic", robust = FALSE),
  list(id = "h1_168_s11_robust", series = "H1", period = 168, s.window = 11, robust = TRUE),
  list(id = "h150_24_s21", series = "H150", period = 24, s.window = 21, robust = FALSE),
  list(id = "hourly2_24_s11", series = "synth_hourly2", period = 24, s.window = 11, robust = FALSE),
  list(id = "hourly2_168_periodic_robust", series = "synth_hourly2", period = 168,
       s.window = "periodic", robust = TRUE),
  list(id = "daily_7_s15_robust", series = "synth_daily", period = 7, s.window = 15, robust = TRUE),
  list(id = "daily_365.25_s11", series = "synth_daily", period = 365.25, s.window = 11, robust = FALSE)
)
opt <- function(c, k) if (is.null(c[[k]])) "NA" else as.character(c[[k]])
meta <- file(file.path(out_dir, "stl_cases.csv"), "w")
writeLines(paste0("case_id,series_id,period,s_window,robust,s_degree_arg,t_window_arg,t_jump_arg,",
                  "l_jump_arg,inner_arg,s_window_used,t_window_used,l_window_used,s_degree_used,",
                  "s_jump_used,t_jump_used,l_jump_used,inner_used,outer_used"), meta)
out <- file(file.path(out_dir, "stl.csv"), "w")
writeLines("case_id,t,seasonal,trend,remainder,weight", out)
for (c in cases) {
  x <- ts(series[[c$series]], frequency = c$period)
  a <- list(x = x, s.window = c$s.window, robust = c$robust)
  for (k in c("s.degree", "t.window", "t.jump", "l.jump", "inner")) if (!is.null(c[[k]])) a[[k]] <- c[[k]]
  fit <- do.call(stl, a)
  writeLines(paste(c$id, c$series, g(c$period), c$s.window, c$robust,
                   opt(c, "s.degree"), opt(c, "t.window"), opt(c, "t.jump"), opt(c, "l.jump"), opt(c, "inner"),
                   fit$win[["s"]], fit$win[["t"]], fit$win[["l"]], fit$deg[["s"]],
                   fit$jump[["s"]], fit$jump[["t"]], fit$jump[["l"]], fit$inner, fit$outer, sep = ","), meta)
  ts_ <- fit$time.series
  writeLines(paste(c$id, seq_len(nrow(ts_)), g(ts_[, "seasonal"]), g(ts_[, "trend"]),
                   g(ts_[, "remainder"]), g(fit$weights), sep = ","), out)
}
close(meta)
close(out)

# MSTL cases with R's defaults (iterate = 2, s.window = 7 + 4 * seq(6)).
mcases <- list(
  list(id = "h1_24_168", x = msts(series$H1, seasonal.periods = c(24, 168))),
  list(id = "hourly2_24_168", x = msts(series$synth_hourly2, seasonal.periods = c(24, 168))),
  list(id = "daily_7_365.25", x = msts(series$synth_daily, seasonal.periods = c(7, 365.25))),
  list(id = "h1_first300_24_168", x = msts(series$H1[1:300], seasonal.periods = c(24, 168))),
  list(id = "n1500_12", x = ts(series$N1500, frequency = 12))
)
out <- file(file.path(out_dir, "mstl.csv"), "w")
writeLines("case_id,component,t,value", out)
for (c in mcases) {
  fit <- suppressWarnings(mstl(c$x))
  for (col in colnames(fit)[-1]) {
    writeLines(paste(c$id, col, seq_len(nrow(fit)), g(fit[, col]), sep = ","), out)
  }
}
close(out)

# Forecasts: forecast(mstl(x), method = "ets") and Theta (thetaf on the adjusted series as a plain
# series) through the same forecast.mstl, which re-adds each seasonal component's last cycle; with
# lambda = 0 both decomposition and forecasts are on the log scale and transformed back.
fcases <- list(
  list(id = "h1_24_168", x = msts(series$H1, seasonal.periods = c(24, 168)), h = 48, lambda = NULL),
  list(id = "h150_24_168", x = msts(series$H150, seasonal.periods = c(24, 168)), h = 48, lambda = NULL),
  list(id = "daily_7_365.25", x = msts(series$synth_daily, seasonal.periods = c(7, 365.25)), h = 400,
       lambda = NULL),
  list(id = "h1_24_168", x = msts(series$H1, seasonal.periods = c(24, 168)), h = 48, lambda = 0),
  list(id = "daily_7_365.25", x = msts(series$synth_daily, seasonal.periods = c(7, 365.25)), h = 400,
       lambda = 0)
)
theta_sa <- function(x, h, level, ...) {
  f <- thetaf(ts(as.numeric(x)), h = h, level = level)
  f$fitted <- x # forecast.stl adds the seasonal components to it; only the forecasts are kept here
  f
}
out <- file(file.path(out_dir, "mstl_forecasts.csv"), "w")
writeLines("case_id,lambda,model,method,h,mean,lo80,hi80,lo95,hi95", out)
for (c in fcases) {
  fit <- mstl(c$x, lambda = c$lambda)
  for (m in c("mstl_ets", "mstl_theta")) {
    f <- if (m == "mstl_ets") forecast(fit, method = "ets", h = c$h, lambda = c$lambda,
                                        biasadj = FALSE) else
      forecast(fit, forecastfunction = theta_sa, h = c$h, lambda = c$lambda,
               biasadj = FALSE)
    method <- gsub(",", ";", gsub(" ", "", f$method))
    writeLines(paste(c$id, if (is.null(c$lambda)) "NA" else c$lambda, m, method, seq_len(c$h),
                     g(f$mean), g(f$lower[, 1]), g(f$upper[, 1]), g(f$lower[, 2]), g(f$upper[, 2]),
                     sep = ","), out)
  }
}
close(out)
cat(sprintf("R %s, forecast %s: fixtures written to %s\n",
            getRversion(), packageVersion("forecast"), out_dir))
