#!/usr/bin/env Rscript
# Reference values for forecast/hierarchy and the in-sample fitted values of the models
# (forecast/src/test/resources/reference/hierarchy/, see its README.md).
#
# Reconciliation is written out in matrix algebra here (summing matrix S, projection P for each
# method, the shrinkage estimator of hts:::shrink.estim), so neither hts nor FoReco is needed.
# P is computed in the textbook form (S' W^-1 S)^-1 S' W^-1, not in the U-form Gridcast uses, so the
# two implementations check each other.
#
# Usage: Rscript bench/r/reconcile_fixtures.R [repo_root]
suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
root <- if (length(args) >= 1) args[1] else "."
out_dir <- file.path(root, "forecast/src/test/resources/reference/hierarchy")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
num <- function(x) ifelse(is.na(x), "NA", sprintf("%.17g", x))

# ---------------------------------------------------------------- hierarchies
# A hierarchy is given by its bottom keys (data frame: series_id + key columns) and its factors
# (list of character vectors: nesting chains). Nodes, levels and names follow Gridcast's rules:
# levels ordered by the last factor's depth, then the one before; nodes by key values; names
# "col=value/col=value*col=value", "total" for the total.
levels_of <- function(factors) {
  grid <- expand.grid(lapply(factors, function(ch) 0:length(ch)))
  ord <- do.call(order, rev(as.list(grid)))
  grid[ord, , drop = FALSE]
}

build <- function(keys, factors) {
  depth_grid <- levels_of(factors)
  nodes <- list()
  for (l in seq_len(nrow(depth_grid))) {
    d <- as.integer(depth_grid[l, ])
    cols <- unlist(lapply(seq_along(factors), function(f) factors[[f]][seq_len(d[f])]))
    if (length(cols) == 0) {
      nodes[[length(nodes) + 1]] <- list(name = "total", level = l, members = keys$series_id)
      next
    }
    key_str <- do.call(paste, c(lapply(cols, function(c) keys[[c]]), sep = "\r"))
    groups <- split(keys$series_id, key_str)
    # sort groups by key values column by column (as Java's lexicographic list order)
    parts <- strsplit(names(groups), "\r", fixed = TRUE)
    ord <- do.call(order, lapply(seq_along(cols), function(i) sapply(parts, `[`, i)))
    for (g in ord) {
      vals <- parts[[g]]
      names(vals) <- cols
      segs <- c()
      for (f in seq_along(factors)) {
        if (d[f] > 0) {
          fc <- factors[[f]][seq_len(d[f])]
          segs <- c(segs, paste(paste0(fc, "=", vals[fc]), collapse = "/"))
        }
      }
      nodes[[length(nodes) + 1]] <- list(name = paste(segs, collapse = "*"), level = l,
                                         members = groups[[g]])
    }
  }
  bottom_nodes <- Filter(function(n) n$level == nrow(depth_grid), nodes)
  bottom_ids <- sapply(bottom_nodes, function(n) n$members)
  S <- t(sapply(nodes, function(n) as.numeric(bottom_ids %in% n$members)))
  list(nodes = nodes, names = sapply(nodes, `[[`, "name"),
       level = sapply(nodes, `[[`, "level"), S = S, depths = depth_grid, factors = factors)
}

# The top-down chain: total, then the first factor's columns one by one, then the next factor's.
td_chain <- function(h) {
  k <- length(h$factors)
  d <- rep(0L, k)
  key <- function(d) which(apply(h$depths, 1, function(r) all(as.integer(r) == d)))
  chain <- key(d)
  for (f in seq_len(k)) for (c in seq_along(h$factors[[f]])) { d[f] <- c; chain <- c(chain, key(d)) }
  chain
}

# ---------------------------------------------------------------- methods
shrink_estim <- function(x) {            # hts:::shrink.estim(x, lowerD(x)) written out
  n <- nrow(x)
  covm <- crossprod(x) / n
  tar <- diag(diag(covm))
  corm <- cov2cor(covm)
  xs <- scale(x, center = FALSE, scale = sqrt(diag(covm)))
  v <- (1 / (n * (n - 1))) * (crossprod(xs^2) - 1 / n * (crossprod(xs))^2)
  diag(v) <- 0
  d <- (corm - cov2cor(tar))^2
  lambda <- max(min(sum(v) / sum(d), 1), 0)
  list(W = lambda * tar + (1 - lambda) * covm, lambda = lambda, W1 = covm)
}

gls <- function(S, W) {
  Wi <- solve(W)
  solve(t(S) %*% Wi %*% S, t(S) %*% Wi)
}

td_fp <- function(h, yhat) {            # forecast proportions down the chain
  S <- h$S; m <- ncol(S); n <- nrow(S)
  chain <- td_chain(h)
  share <- rep(NA_real_, n)
  top <- which(h$level == chain[1])
  share[top] <- 1
  for (l in 2:length(chain)) {
    parents <- which(h$level == chain[l - 1]); kids <- which(h$level == chain[l])
    for (p in parents) {
      ch <- kids[apply(S[kids, , drop = FALSE] <= S[rep(p, length(kids)), , drop = FALSE], 1, all)]
      tot <- sum(yhat[ch])
      share[ch] <- share[p] * (if (tot != 0) yhat[ch] / tot else 1 / length(ch))
    }
  }
  P <- matrix(0, m, n)
  P[, top] <- share[(n - m + 1):n]
  P
}

projection <- function(method, h, yhat, sh) {
  S <- h$S; m <- ncol(S); n <- nrow(S)
  switch(method,
    bottom_up = cbind(matrix(0, m, n - m), diag(m)),
    top_down_forecast_proportions = td_fp(h, yhat),
    ols = gls(S, diag(n)),
    wls_structural = gls(S, diag(rowSums(S))),
    wls_variance = gls(S, diag(diag(sh$W1))),
    mint_shrink = gls(S, sh$W))
}

methods <- c("bottom_up", "top_down_forecast_proportions", "ols", "wls_structural",
             "wls_variance", "mint_shrink")

# ---------------------------------------------------------------- cases
set.seed(20261207)
make_case <- function(case, keys, factors, horizon, rows) {
  h <- build(keys, factors)
  S <- h$S; n <- nrow(S); m <- ncol(S)
  # incoherent base forecasts: bottom levels, aggregates off their sums by a few percent
  bottom <- matrix(runif(m * horizon, 20, 120), m, horizon)
  base <- S %*% bottom * matrix(1 + rnorm(n * horizon, 0, 0.06), n, horizon)
  se <- sqrt(rowSums(S)) * matrix(runif(n * horizon, 2, 6), n, horizon) *
        matrix(sqrt(seq_len(horizon)), n, horizon, byrow = TRUE)
  # residuals: a common factor plus own noise per bottom series, aggregates = sums + model error
  common <- rnorm(rows)
  eb <- sapply(seq_len(m), function(j) 3 * common * runif(1, 0.2, 1) + rnorm(rows, 0, runif(1, 1, 4)))
  res <- eb %*% t(S) + matrix(rnorm(rows * n, 0, 1.5), rows, n)
  res[1:2, n] <- NA          # e.g. a seasonal naive start
  res[1, 2] <- NA
  sh <- shrink_estim(res[complete.cases(res), , drop = FALSE])
  R <- cov2cor(sh$W)
  proj <- list(); rec <- list()
  for (method in methods) {
    for (s in seq_len(horizon)) {
      P <- projection(method, h, base[, s], sh)
      Vh <- diag(se[, s]) %*% R %*% diag(se[, s])
      mean <- S %*% P %*% base[, s]
      sd <- sqrt(diag(S %*% P %*% Vh %*% t(P) %*% t(S)))
      proj[[length(proj) + 1]] <- data.frame(
        case = case, method = method, step = s,
        bottom = rep(h$names[(n - m + 1):n], times = n),
        node = rep(h$names, each = m), value = num(as.vector(P)))
      rec[[length(rec) + 1]] <- data.frame(case = case, method = method, node = h$names, step = s,
                                           mean = num(mean), se = num(sd))
    }
  }
  list(
    keys = do.call(rbind, lapply(names(keys)[-1], function(c)
      data.frame(case = case, series_id = keys$series_id, column = c, value = keys[[c]]))),
    base = data.frame(case = case, node = rep(h$names, times = horizon),
                      step = rep(seq_len(horizon), each = n),
                      mean = num(as.vector(base)), se = num(as.vector(se))),
    residuals = data.frame(case = case, node = rep(h$names, each = rows),
                           t = rep(seq_len(rows), times = n), value = num(as.vector(res))),
    shrinkage = data.frame(case = case, rows = sum(complete.cases(res)), lambda = num(sh$lambda)),
    covariance = data.frame(case = case, row = rep(h$names, times = n),
                            col = rep(h$names, each = n), w1 = num(as.vector(sh$W1)),
                            w = num(as.vector(sh$W))),
    projection = do.call(rbind, proj), reconciled = do.call(rbind, rec))
}

nested_keys <- data.frame(series_id = c("s1", "s2", "s3", "s4", "s5"),
                          region = c("North", "North", "North", "South", "South"),
                          store = c("N1", "N2", "N3", "S1", "S2"))
crossed_keys <- expand.grid(purpose = c("Bus", "Hol"), region = c("a1", "a2", "b1"),
                            stringsAsFactors = FALSE)
crossed_keys$state <- ifelse(crossed_keys$region == "b1", "B", "A")
crossed_keys$series_id <- paste0(crossed_keys$region, crossed_keys$purpose)
crossed_keys <- crossed_keys[, c("series_id", "state", "region", "purpose")]

cases <- list(
  make_case("nested", nested_keys, list(c("region", "store")), horizon = 3, rows = 30),
  make_case("crossed", crossed_keys, list(c("state", "region"), "purpose"), horizon = 3, rows = 40))

# Shrinkage intensity alone on two more residual sets: weakly correlated (lambda large) and one
# strong common factor (lambda small).
extra_shrinkage <- function(case, res) {
  sh <- shrink_estim(res)
  list(shrinkage = data.frame(case = case, rows = nrow(res), lambda = num(sh$lambda)),
       residuals = data.frame(case = case, node = rep(paste0("n", seq_len(ncol(res))), each = nrow(res)),
                              t = rep(seq_len(nrow(res)), times = ncol(res)), value = num(as.vector(res))))
}
weak <- matrix(rnorm(12 * 6), 12, 6)
strong <- outer(rnorm(50), runif(6, 1, 3)) + matrix(rnorm(300, 0, 0.3), 50, 6)
extras <- list(extra_shrinkage("weak", weak), extra_shrinkage("strong", strong))

bind <- function(what, lists) do.call(rbind, lapply(lists, `[[`, what))
write.csv(bind("keys", cases), file.path(out_dir, "keys.csv"), row.names = FALSE, quote = FALSE)
write.csv(bind("base", cases), file.path(out_dir, "base.csv"), row.names = FALSE, quote = FALSE)
write.csv(rbind(bind("residuals", cases), bind("residuals", extras)),
          file.path(out_dir, "residuals.csv"), row.names = FALSE, quote = FALSE)
write.csv(rbind(bind("shrinkage", cases), bind("shrinkage", extras)),
          file.path(out_dir, "shrinkage.csv"), row.names = FALSE, quote = FALSE)
write.csv(bind("covariance", cases), file.path(out_dir, "covariance.csv"), row.names = FALSE, quote = FALSE)
write.csv(bind("projection", cases), file.path(out_dir, "projection.csv"), row.names = FALSE, quote = FALSE)
write.csv(bind("reconciled", cases), file.path(out_dir, "reconciled.csv"), row.names = FALSE, quote = FALSE)

# ---------------------------------------------------------------- fitted values
# In-sample one-step forecasts as R's fitted() gives them, for models with every parameter and
# initial state fixed (so both sides run the same recursion).
series <- read.csv(file.path(root, "forecast/src/test/resources/reference/series.csv"),
                   stringsAsFactors = FALSE)
get <- function(id) {
  s <- series[series$unique_id == id, ]
  ts(s$y[order(s$t)], frequency = s$period[1])
}
fv <- list(); ep <- list()
add <- function(id, model, f) {
  fv[[length(fv) + 1]] <<- data.frame(series_id = id, model = model, t = seq_along(f),
                                      value = num(as.numeric(f)))
}
for (id in c("N1402", "N1900")) {
  x <- get(id)
  add(id, "naive", fitted(naive(x)))
  add(id, "snaive", fitted(snaive(x)))
  add(id, "drift", fitted(rwf(x, drift = TRUE)))
  add(id, "mean", fitted(meanf(x)))
  add(id, "ses_simple_0.3", fitted(ses(x, alpha = 0.3, initial = "simple")))
  add(id, "holt_simple_0.3_0.1", fitted(holt(x, alpha = 0.3, beta = 0.1, initial = "simple")))
  add(id, "hw_additive_simple_0.3_0.1_0.2",
      fitted(hw(x, alpha = 0.3, beta = 0.1, gamma = 0.2, initial = "simple", seasonal = "additive")))
  add(id, "hw_multiplicative_simple_0.3_0.1_0.2",
      fitted(hw(x, alpha = 0.3, beta = 0.1, gamma = 0.2, initial = "simple",
                seasonal = "multiplicative")))
  for (model in c("ANN", "AAA", "MAM", "MAdN")) {
    damped <- model == "MAdN"
    fit <- ets(x, model = if (damped) "MAN" else model, damped = damped)
    add(id, paste0("ets_", model), fitted(fit))
    st <- fit$states[1, ]
    par <- c(fit$par[intersect(names(fit$par), c("alpha", "beta", "gamma", "phi"))],
             l0 = unname(st["l"]))
    if ("b" %in% names(st)) par <- c(par, b0 = unname(st["b"]))
    sn <- grep("^s[0-9]+$", names(st), value = TRUE)
    for (j in seq_along(sn)) par[paste0("s", j - 1)] <- st[sn[j]]
    ep[[length(ep) + 1]] <- data.frame(series_id = id, model = paste0("ets_", model),
                                       key = names(par), value = num(unname(par)))
  }
}
cp <- "21030168"
x <- get(cp)
add(cp, "croston_0.1", fitted(croston(x, alpha = 0.1)))
write.csv(do.call(rbind, fv), file.path(out_dir, "fitted_values.csv"), row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, ep), file.path(out_dir, "ets_params.csv"), row.names = FALSE, quote = FALSE)
cat("wrote", out_dir, "\n")
