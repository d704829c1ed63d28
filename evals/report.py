"""report.html: summary table, breakdowns, inline plots and the failed questions (one static file)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment

from evals.dataset import norm_pasal
from evals.plots import all_plots
from evals.runner import ItemResult
from evals.summary import HIGHER_IS_BETTER, LOWER_IS_BETTER, TYPO_PAIR_METRICS

# Confidence settings drawn on the score plot when the Settings of the run have them.
THRESHOLD_FIELDS = ("min_dense", "min_dense_with_terms", "min_confidence")
GROUP_COLUMNS = [
    "n",
    "recall_at_5",
    "mrr",
    "citation_accuracy",
    "must_contain_accuracy",
    "refusal_recall",
    "pass_rate",
]

TEMPLATE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8">
<title>Evaluasi Asisten ASN — {{ name }}</title>
<style>
 body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
 table{border-collapse:collapse;margin:.5rem 0 1.5rem}
 th,td{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;vertical-align:top;font-size:.9rem}
 th{background:#f1f4f8} td.num{text-align:right;font-variant-numeric:tabular-nums}
 .plots{display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:1rem}
 .plots figure{margin:0} .plots img{max-width:100%;height:auto}
 .fail{border-left:4px solid #c0392b;padding:.3rem .8rem;margin:.8rem 0;background:#fcf6f5}
 .hit{font-weight:bold;color:#2e8b57} code{font-size:.85rem} small{color:#666}
</style></head><body>
<h1>Evaluasi Asisten ASN — {{ name }}</h1>
<p><small>{{ config.eval.started }} · dataset <code>{{ config.eval.dataset }}</code>
 · backend <code>{{ config.eval.backend }}</code>{% if config.eval.retrieval_only %} (hanya retrieval){% endif %}
 · fusion <code>{{ config.settings.fusion }}</code> · k={{ config.settings.k }}
 · reranker <code>{{ config.settings.reranker or "mati" }}</code>
 · indeks <code>{{ config.eval.index_generation }}</code></small></p>

<h2>Ringkasan</h2>
<table id="summary">
<tr><th>metrik</th><th>nilai</th></tr>
{% for key in metric_keys %}<tr><td>{{ key }}</td><td class="num">{{ fmt(summary[key]) }}</td></tr>
{% endfor %}
<tr><td>n (dapat dijawab / harus ditolak)</td>
 <td class="num">{{ summary.n }} ({{ summary.n_answerable }} / {{ summary.n_refuse }})</td></tr>
<tr><td>status jawaban</td><td>{% for s, c in summary.statuses.items() %}{{ s }}: {{ c }} {% endfor %}</td></tr>
</table>

{% if summary.refusal_by_class %}<h3>Penolakan per kelas</h3>
<table id="refusal-classes"><tr><th>kelas</th><th>n</th><th>ditolak</th><th>recall</th>
<th>diklaim (reason)</th><th>presisi</th><th>status tepat</th></tr>
{% for c, v in summary.refusal_by_class.items() %}<tr><td>{{ c }}</td><td class="num">{{ v.n }}</td>
<td class="num">{{ v.refused }}</td><td class="num">{{ fmt(v.recall) }}</td><td class="num">{{ v.claimed }}</td>
<td class="num">{{ fmt(v.precision) }}</td><td class="num">{{ fmt(v.status_accuracy) }}</td></tr>
{% endfor %}</table>
<p>Penolakan keliru (pertanyaan yang dapat dijawab tanpa status answered):
 {{ fmt(summary.false_refusal_rate) }}</p>
{% for title, tab in [("Status × kelas harapan", summary.status_by_class),
                      ("Reason × kelas harapan", summary.reason_by_class)] %}
{% set cols = tab.values()|map("list")|sum(start=[])|unique|sort|list %}
<table class="confusion"><caption>{{ title }}</caption><tr><th>kelas harapan</th>
{% for col in cols %}<th>{{ col }}</th>{% endfor %}</tr>
{% for c, counts in tab.items() %}<tr><td>{{ c }}</td>{% for col in cols %}
<td class="num">{{ counts.get(col, 0) }}</td>{% endfor %}</tr>{% endfor %}</table>
{% endfor %}{% endif %}

{% if summary.typo_pairs %}{% set tp = summary.typo_pairs %}
<h3>Varian salah ketik vs pertanyaan asli</h3>
<table id="typo-pairs"><caption>{{ tp.n_pairs }} pasangan (keduanya dapat dijawab)</caption>
<tr><th>metrik</th><th>asli</th><th>varian</th><th>Δ (varian − asli)</th><th>n</th></tr>
{% for key in typo_metrics %}{% set m = tp[key] %}<tr><td>{{ key }}</td>
<td class="num">{{ fmt(m.original) }}</td><td class="num">{{ fmt(m.variant) }}</td>
<td class="num">{{ fmt_delta(m.delta) }}</td><td class="num">{{ m.n }}</td></tr>
{% endfor %}</table>
<p>Asli di top-5, varian tidak ({{ tp.lost_at_5|length }}):
{% for p in tp.lost_at_5 %}<code>{{ p.variant }}</code> ({{ p.original }}){{ ", " if not loop.last }}{% else %}—{% endfor %}</p>
{% endif %}

<h3>Latensi (ms)</h3>
<table id="latency"><tr><th>tahap</th><th>p50</th><th>p95</th><th>rata-rata</th><th>n</th></tr>
{% for stage, v in summary.latency.items() %}<tr><td>{{ stage }}</td><td class="num">{{ fmt(v.p50) }}</td>
<td class="num">{{ fmt(v.p95) }}</td><td class="num">{{ fmt(v.mean) }}</td><td class="num">{{ v.n }}</td></tr>
{% endfor %}</table>

<h2>Grafik</h2>
{% if plots %}<div class="plots">
{% for title, png in plots.items() %}<figure><img alt="{{ title }}" src="data:image/png;base64,{{ png }}"></figure>
{% endfor %}</div>{% else %}<p>matplotlib tidak terpasang: <code>pip install matplotlib</code>.</p>{% endif %}

{% for title, groups in breakdowns %}<h2>{{ title }}</h2>
<table class="breakdown"><tr><th>kelompok</th>{% for c in group_columns %}<th>{{ c }}</th>{% endfor %}</tr>
{% for name, g in groups.items() %}<tr><td>{{ name }}</td>{% for c in group_columns %}
<td class="num">{{ fmt(g[c]) }}</td>{% endfor %}</tr>{% endfor %}</table>
{% endfor %}

<h2>Pertanyaan gagal ({{ failed|length }})</h2>
{% for r in failed %}<div class="fail">
<b>{{ r.id }}</b> <small>{{ r.category }} · {{ r.lang }} · harapan {{ r.expect }}
{% if r.expected_status %}({{ r.expected_status }}{% if r.refuse_class %}, {{ r.refuse_class }}{% endif %}){% endif %} · status {{ r.status or "-" }}{% if r.reason %} ({{ r.reason }}){% endif %}</small><br>
{{ r.question }}<br>
{% if r.error %}<b>galat:</b> {{ r.error }}<br>{% endif %}
{% if r.gold %}<small>emas:</small> {% for g in r.gold %}<code>{{ g.doc }} Pasal {{ g.pasal or "-" }}{% if g.ayat %} ({{ g.ayat }}){% endif %}</code> {% endfor %}
 · <small>peringkat emas:</small> {{ r.gold_rank or "tidak ada di 10 teratas" }}<br>{% endif %}
<small>dikutip:</small> {% for c in r.cited %}<code>{{ c.id }}</code> {% else %}—{% endfor %}<br>
{% if r.missing_phrases %}<small>frasa tidak ada:</small> {{ r.missing_phrases|join("; ") }}<br>{% endif %}
{% if r.invented %}<small>sitasi karangan:</small> {{ r.invented|join(", ") }}<br>{% endif %}
<small>diambil (top-10 Pasal):</small> {% for d in r.retrieved %}<span class="{{ 'hit' if (d.doc, d.pasal) in r.gold_keys else '' }}">{{ loop.index }}. {{ d.doc }}/{{ d.pasal or "-" }}</span>{{ ", " if not loop.last }}{% endfor %}
{% if r.answer %}<details><summary>jawaban</summary><pre style="white-space:pre-wrap">{{ r.answer }}</pre></details>{% endif %}
</div>{% endfor %}
</body></html>
"""


def fmt(value: Any) -> str:  # noqa: ANN401
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:.3f}" if value < 10 else f"{value:.1f}"
    return str(value)


def fmt_delta(value: float | None) -> str:
    return "n/a" if value is None else f"{value:+.3f}"


def _failed_rows(results: list[ItemResult]) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        if r.passed is False:
            row = r.model_dump()
            row["gold_keys"] = {(g["doc"], norm_pasal(g["pasal"])) for g in r.gold}
            rows.append(row)
    return rows


def render_report(
    config: dict[str, Any], results: list[ItemResult], summary: dict[str, Any]
) -> str:
    settings = config["settings"]
    thresholds = {k: settings[k] for k in THRESHOLD_FIELDS if isinstance(settings.get(k), float)}
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(TEMPLATE)
    return template.render(
        name=config["eval"]["name"],
        config=config,
        summary=summary,
        metric_keys=[*HIGHER_IS_BETTER, *LOWER_IS_BETTER],
        plots=all_plots(results, summary, thresholds),
        breakdowns=[
            ("Per kategori pertanyaan", summary["by_category"]),
            ("Per dokumen (pertanyaan yang dapat dijawab)", summary["by_document"]),
        ],
        group_columns=GROUP_COLUMNS,
        typo_metrics=TYPO_PAIR_METRICS,
        failed=_failed_rows(results),
        fmt=fmt,
        fmt_delta=fmt_delta,
    )


def write_report(
    run_dir: Path, config: dict[str, Any], results: list[ItemResult], summary: dict[str, Any]
) -> Path:
    path = run_dir / "report.html"
    path.write_text(render_report(config, results, summary), encoding="utf-8")
    return path
