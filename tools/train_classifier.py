#!/usr/bin/env python3
"""Train the page-type classifier and write src/score/classify_model.h.

The model is a multinomial logistic regression (softmax) over the features
that build/wn-features dumps (see src/score/classify.h). Count features are
log-scaled, then every feature is standardised; weights are fitted by SGD with
L2 regularisation. Pure standard-library Python, deterministic (fixed seed).

build/wn-features (tools/wn_features.c, built with the project) runs each page
through clean and metadata extraction first and reads the URL as
wn_classify_page does, so the features are the ones the model sees at run time.

Usage:
    build/wn-features $WN_SHARED/datasets/wcxb-dev/html/*.html.gz > /tmp/feats.tsv
    python3 tools/train_classifier.py /tmp/feats.tsv \\
        $WN_SHARED/datasets/wcxb-dev                      # writes the header
    python3 tools/train_classifier.py --cv /tmp/feats.tsv DATASET_DIR  # 5-fold CV only
    python3 tools/train_classifier.py --init                    # neutral model

Labels come from the WCXB ground truth (see load()).
"""
import json
import math
import os
import random
import re
import sys

CLASSES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]
ENUM = {"article": "WN_PAGE_ARTICLE", "forum": "WN_PAGE_FORUM", "product": "WN_PAGE_PRODUCT",
        "collection": "WN_PAGE_COLLECTION", "listing": "WN_PAGE_LISTING",
        "documentation": "WN_PAGE_DOCUMENTATION", "service": "WN_PAGE_SERVICE"}
# Features used as they are (indicators and ratios); all others are counts.
LINEAR = {"url_dated", "url_query", "url_forum", "url_product", "url_collection", "url_docs",
          "url_article", "url_listing", "url_service", "schema_article", "schema_product",
          "schema_forum", "schema_docs", "schema_collection", "schema_service", "schema_offer",
          "og_article", "og_product", "og_website", "p_text_share", "link_density"}
L2 = 3e-3
EPOCHS = 30
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "src", "score", "classify_model.h")


def load(tsv, dataset):
    """Labels: ground-truth/<id>.json "_internal.page_type.primary" of the
    WCXB folder, else its metadata.json."""
    labels = {}
    meta = os.path.join(dataset, "metadata.json")
    if os.path.exists(meta):
        labels = {k: v["page_type"] for k, v in json.load(open(meta))["files"].items()}
    gt = os.path.join(dataset, "ground-truth")
    for name in os.listdir(gt) if os.path.isdir(gt) else []:
        d = json.load(open(os.path.join(gt, name)))
        pt = ((d.get("_internal") or {}).get("page_type") or {}).get("primary")
        if pt:
            labels[name.split(".")[0]] = pt
    rows = [line.rstrip("\n").split("\t") for line in open(tsv)]
    names = rows[0][1:-1]
    X, y, ids = [], [], []
    for r in rows[1:]:
        if r[0] not in labels or labels[r[0]] not in CLASSES:
            continue
        X.append([float(v) for v in r[1:-1]])
        y.append(CLASSES.index(labels[r[0]]))
        ids.append(r[0])
    return names, X, y, ids


def transform(names, X):
    """Log-scale the count features. A missing value (nan: the url_*
    features of a page whose URL is unknown) stays missing."""
    logf = [0 if n in LINEAR else 1 for n in names]
    T = [[v if math.isnan(v) else math.log1p(max(v, 0.0)) if logf[i] else v
          for i, v in enumerate(row)] for row in X]
    return logf, T


def standardise(T):
    """Mean and spread of each feature over the pages that have it."""
    d = len(T[0])
    mean, scale = [], []
    for i in range(d):
        vals = [r[i] for r in T if not math.isnan(r[i])] or [0.0]
        m = sum(vals) / len(vals)
        var = sum((v - m) ** 2 for v in vals) / len(vals)
        mean.append(m)
        scale.append(math.sqrt(var) if var > 1e-12 else 1.0)
    return mean, scale


def fit(Z, y, seed=7):
    k, d = len(CLASSES), len(Z[0])
    W = [[0.0] * d for _ in range(k)]
    b = [0.0] * k
    rng = random.Random(seed)
    order = list(range(len(Z)))
    step = 0
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        lr = 0.05 / (1 + 0.1 * epoch)
        for j in order:
            x = Z[j]
            s = [b[c] + sum(wi * xi for wi, xi in zip(W[c], x)) for c in range(k)]
            m = max(s)
            e = [math.exp(v - m) for v in s]
            tot = sum(e)
            for c in range(k):
                g = e[c] / tot - (1.0 if c == y[j] else 0.0)
                Wc = W[c]
                for i in range(d):
                    Wc[i] -= lr * (g * x[i] + L2 * Wc[i])
                b[c] -= lr * g
            step += 1
    return W, b


def predict(W, b, x):
    s = [b[c] + sum(wi * xi for wi, xi in zip(W[c], x)) for c in range(len(W))]
    return max(range(len(s)), key=lambda c: s[c])


def zscore(T, mean, scale):
    """Standardised values; a missing one is the mean (0), as the C side
    (wn_classify_features) reads it."""
    return [[0.0 if math.isnan(v) else (v - mean[i]) / scale[i] for i, v in enumerate(r)]
            for r in T]


def cross_validate(names, X, y, folds=5):
    logf, T = transform(names, X)
    idx = list(range(len(T)))
    random.Random(1).shuffle(idx)
    correct = 0
    per = {c: [0, 0] for c in CLASSES}
    confusion = [[0] * len(CLASSES) for _ in CLASSES]
    for f in range(folds):
        test = set(idx[f::folds])
        tr = [i for i in idx if i not in test]
        mean, scale = standardise([T[i] for i in tr])
        W, b = fit(zscore([T[i] for i in tr], mean, scale), [y[i] for i in tr])
        for i in test:
            p = predict(W, b, zscore([T[i]], mean, scale)[0])
            per[CLASSES[y[i]]][1] += 1
            confusion[y[i]][p] += 1
            if p == y[i]:
                correct += 1
                per[CLASSES[y[i]]][0] += 1
    print("5-fold cross-validated accuracy: %.1f%% of %d" % (100.0 * correct / len(T), len(T)))
    for c in CLASSES:
        ok, n = per[c]
        print("  %-14s %5.1f%% of %d" % (c, 100.0 * ok / max(n, 1), n))
    print("confusion (rows: truth, columns: predicted %s)" % " ".join(c[:4] for c in CLASSES))
    for c, row in zip(CLASSES, confusion):
        print("  %-14s %s" % (c, " ".join("%4d" % v for v in row)))


def write_header(names, logf, mean, scale, W, b, note):
    with open(OUT, "w") as f:
        f.write("/* generated by tools/train_classifier.py, do not edit */\n")
        f.write("/* classify_model.h - weights of the page-type classifier (%s). */\n" % note)
        f.write("#ifndef WN_CLASSIFY_MODEL_H\n#define WN_CLASSIFY_MODEL_H\n\n")
        f.write("#include \"classify.h\"\n\n")
        f.write("#define WN_MODEL_CLASSES %d\n" % len(CLASSES))
        f.write("_Static_assert(WN_FEAT__COUNT == %d, \"retrain: feature list changed\");\n\n"
                % len(names))
        f.write("/* feature order: %s */\n" % " ".join(names))
        f.write("static const int wn_model_class[WN_MODEL_CLASSES] = {%s};\n"
                % ", ".join(ENUM[c] for c in CLASSES))
        f.write("static const unsigned char wn_model_log_feature[WN_FEAT__COUNT] = {%s};\n"
                % ", ".join(str(v) for v in logf))
        f.write("static const double wn_model_mean[WN_FEAT__COUNT] = {%s};\n"
                % ", ".join("%.6g" % v for v in mean))
        f.write("static const double wn_model_scale[WN_FEAT__COUNT] = {%s};\n"
                % ", ".join("%.6g" % v for v in scale))
        f.write("static const double wn_model_bias[WN_MODEL_CLASSES] = {%s};\n"
                % ", ".join("%.6g" % v for v in b))
        f.write("static const double wn_model_weight[WN_MODEL_CLASSES][WN_FEAT__COUNT] = {\n")
        for row in W:
            f.write("    {%s},\n" % ", ".join("%.6g" % v for v in row))
        f.write("};\n\n#endif\n")


def feature_names_from_header():
    src = open(os.path.join(ROOT, "src", "score", "classify.h")).read()
    return re.findall(r"^\s*X\((\w+)\)", src, re.M)


def main():
    args = sys.argv[1:]
    if args and args[0] == "--init":
        names = feature_names_from_header()
        d, k = len(names), len(CLASSES)
        logf = [0 if n in LINEAR else 1 for n in names]
        write_header(names, logf, [0.0] * d, [1.0] * d, [[0.0] * d for _ in range(k)],
                     [1.0] + [0.0] * (k - 1), "untrained: always article")
        return
    cv_only = args and args[0] == "--cv"
    if cv_only:
        args = args[1:]
    names, X, y, ids = load(args[0], args[1])
    cross_validate(names, X, y)
    if cv_only:
        return
    logf, T = transform(names, X)
    mean, scale = standardise(T)
    W, b = fit(zscore(T, mean, scale), y)
    acc = sum(predict(W, b, z) == t for z, t in zip(zscore(T, mean, scale), y)) / len(y)
    print("training accuracy: %.1f%%" % (100 * acc))
    write_header(names, logf, mean, scale, W, b, "trained on %d labelled pages" % len(y))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
