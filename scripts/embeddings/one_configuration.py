#!/usr/bin/env python3
"""Whether sentence embeddings help one configuration of average-link grouping.

For each labelled set: the floors' TF-IDF cosine (title + first 300 words, ../shared/datasets/
floors.py) T, the embeddings' cosine E (EmbedArticles.java), and their mix a*T + (1-a)*E, each
times the floors' soft time decay exp(-max(days apart - 1, 0) / 3) (one configuration for dated
and undated sets alike, as Storyline's time gate), average link, cut at distance 1 - similarity.
Prints B-cubed F1 per (a, cut) and set, then the one (a, cut) best over all sets and, set by set,
the (a, cut) chosen on the other sets and its score on the held-out one: with a = 1 only (TF-IDF)
and with every a (embeddings allowed).

  one_configuration.py EMB_DIR FILE.jsonl...   (EMB_DIR holds NAME.tsv for each NAME.jsonl)
"""
import collections, datetime, json, math, os, re, sys
import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

MIX = (1.0, 0.7, 0.5, 0.3, 0.0)
CUTS = [round(0.3 + 0.05 * i, 2) for i in range(14)]


def bcubed_f1(gold, pred):
    g, p = collections.defaultdict(set), collections.defaultdict(set)
    for i, (a, b) in enumerate(zip(gold, pred)):
        g[a].add(i)
        p[b].add(i)
    prec = np.mean([len(g[gold[i]] & p[pred[i]]) / len(p[pred[i]]) for i in range(len(gold))])
    rec = np.mean([len(g[gold[i]] & p[pred[i]]) / len(g[gold[i]]) for i in range(len(gold))])
    return 2 * prec * rec / (prec + rec)


def unit_rows(m):
    return m / np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-9)


def scores(path, emb_path):
    rows = [json.loads(l) for l in open(path) if l.strip()]
    tok = lambda s: re.findall(r"[a-z0-9]+", s.lower())
    docs = [tok((r.get('title') or '') + ' ' + ' '.join((r.get('text') or '').split()[:300]))
            for r in rows]
    df = collections.Counter()
    for d in docs:
        df.update(set(d))
    vocab = {}
    x = np.zeros((len(docs), sum(1 for w in df if df[w] > 1)), dtype=np.float32)
    for i, d in enumerate(docs):
        for w, c in collections.Counter(w for w in d if df[w] > 1).items():
            x[i, vocab.setdefault(w, len(vocab))] = (1 + math.log(c)) * math.log(len(docs) / df[w])
    x = unit_rows(x)
    emb = {}
    for line in open(emb_path):
        p = line.rstrip('\n').split('\t')
        emb[p[0]] = np.array(p[1:], dtype=np.float32)
    e = unit_rows(np.array([emb[str(r['id'])] for r in rows]))
    day = lambda r: (datetime.date.fromisoformat(str(r['published'])[:10]).toordinal()
                     if r.get('published') else np.nan)
    days = np.array([day(r) for r in rows], dtype=float)
    gap = np.nan_to_num(np.abs(days[:, None] - days[None, :]), nan=0)
    decay = np.exp(-np.maximum(gap - 1, 0) / 3).astype(np.float32)
    del gap
    t, s = x @ x.T, e @ e.T
    del x, e
    gold = [r['gold_story'] for r in rows]
    out = {}
    for a in MIX:
        d = np.clip(1 - (a * t + (1 - a) * s) * decay, 0, 2)
        np.fill_diagonal(d, 0)
        z = linkage(squareform((d + d.T) / 2, checks=False), method='average')
        del d
        for cut in CUTS:
            out[(a, cut)] = bcubed_f1(gold, list(fcluster(z, t=cut, criterion='distance')))
        print(f"{os.path.basename(path)} a={a} " +
              ' '.join(f"{c}:{out[(a, c)]:.3f}" for c in CUTS), flush=True)
    return out


def summary(table, sets, keys, label):
    total = lambda k, skip=None: sum(table[s][k] for s in sets if s != skip)
    best = max(keys, key=total)
    print(f"{label}: best over all sets a={best[0]} cut={best[1]}: " +
          ', '.join(f"{s} {table[s][best]:.3f}" for s in sets) + f"; mean {total(best) / len(sets):.3f}")
    held = []
    for s in sets:
        k = max(keys, key=lambda k: total(k, skip=s))
        held.append(table[s][k])
        print(f"  {s} held out: {table[s][k]:.3f} (a={k[0]} cut={k[1]} chosen on the others)")
    print(f"  held-out mean {sum(held) / len(held):.3f}")


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    emb_dir, files = sys.argv[1], sys.argv[2:]
    table = {}
    for f in files:
        name = os.path.basename(f)[:-len('.jsonl')]
        table[name] = scores(f, os.path.join(emb_dir, name + '.tsv'))
    sets = list(table)
    keys = list(table[sets[0]])
    summary(table, sets, [k for k in keys if k[0] == 1.0], 'TF-IDF only')
    summary(table, sets, keys, 'TF-IDF and embeddings')


if __name__ == '__main__':
    main()
