#!/usr/bin/env python3
"""Generates the provisioned Grafana dashboards in grafana/dashboards/ (dashboards as code).

Run from the repository root: python3 grafana/generate_dashboards.py
The JSON files are committed; Grafana provisions them as they are. DashboardsTest checks them.
"""
import json
import os

DS = {"type": "prometheus", "uid": "${datasource}"}
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dashboards")


class Layout:
    """Places panels left to right on a 24-column grid, wrapping to a new row when full."""

    def __init__(self):
        self.x, self.y, self.h, self.next_id, self.panels = 0, 0, 0, 1, []

    def add(self, panel, w, h=8):
        if self.x + w > 24:
            self.x, self.y, self.h = 0, self.y + self.h, 0
        panel["id"] = self.next_id
        panel["gridPos"] = {"x": self.x, "y": self.y, "w": w, "h": h}
        self.next_id += 1
        self.x += w
        self.h = max(self.h, h)
        self.panels.append(panel)

    def row(self, title):
        if self.x:
            self.x, self.y, self.h = 0, self.y + self.h, 0
        self.panels.append({"type": "row", "id": self.next_id, "title": title, "collapsed": False,
                            "gridPos": {"x": 0, "y": self.y, "w": 24, "h": 1}, "panels": []})
        self.next_id += 1
        self.y += 1


def targets(exprs, fmt=None, instant=False):
    out = []
    for i, (expr, legend) in enumerate(exprs):
        t = {"datasource": DS, "expr": expr, "legendFormat": legend, "refId": chr(ord("A") + i)}
        if fmt:
            t["format"] = fmt
        if instant:
            t["instant"] = True
            t["range"] = False
        out.append(t)
    return out


def timeseries(title, exprs, unit="short", description="", stack=False, max_=None):
    defaults = {"unit": unit, "custom": {"drawStyle": "line", "lineWidth": 1, "fillOpacity": 10,
                                         "stacking": {"mode": "normal" if stack else "none"}}}
    if max_ is not None:
        defaults["max"] = max_
    return {"type": "timeseries", "title": title, "description": description, "datasource": DS,
            "targets": targets(exprs), "fieldConfig": {"defaults": defaults, "overrides": []},
            "options": {"legend": {"displayMode": "list", "placement": "bottom"},
                        "tooltip": {"mode": "multi", "sort": "desc"}}}


def stat(title, expr, unit="short", description="", thresholds=None):
    steps = thresholds or [{"color": "green", "value": None}]
    return {"type": "stat", "title": title, "description": description, "datasource": DS,
            "targets": targets([(expr, "")]),
            "fieldConfig": {"defaults": {"unit": unit, "thresholds": {"mode": "absolute", "steps": steps}},
                            "overrides": []},
            "options": {"reduceOptions": {"calcs": ["lastNotNull"], "fields": "", "values": False},
                        "colorMode": "background", "graphMode": "area"}}


def table(title, expr, description=""):
    return {"type": "table", "title": title, "description": description, "datasource": DS,
            "targets": targets([(expr, "")], fmt="table", instant=True),
            "fieldConfig": {"defaults": {}, "overrides": []},
            "transformations": [{"id": "organize", "options": {"excludeByName": {"Time": True, "Value": True,
                                                                                  "__name__": True}}}],
            "options": {"showHeader": True}}


def heatmap(title, expr, description=""):
    return {"type": "heatmap", "title": title, "description": description, "datasource": DS,
            "targets": targets([(expr, "{{le}}")], fmt="heatmap"),
            "fieldConfig": {"defaults": {}, "overrides": []},
            "options": {"calculate": False, "yAxis": {"unit": "short"}, "color": {"scheme": "Oranges",
                                                                                    "mode": "scheme"},
                        "cellGap": 1}}


def ds_var():
    return {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus",
            "current": {}, "hide": 0, "refresh": 1, "regex": "", "includeAll": False, "multi": False}


def query_var(name, query, label=None):
    return {"name": name, "label": label or name, "type": "query", "datasource": DS,
            "query": {"query": query, "refId": "PrometheusVariableQueryEditor-VariableQuery"},
            "definition": query, "refresh": 2, "includeAll": True, "multi": True, "allValue": ".*",
            "current": {"selected": True, "text": ["All"], "value": ["$__all"]}, "sort": 1, "hide": 0}


def dashboard(uid, title, description, layout, variables, tags):
    return {"uid": uid, "title": title, "description": description, "tags": ["llm-quality-monitor"] + tags,
            "timezone": "browser", "editable": False, "graphTooltip": 1, "refresh": "30s",
            "schemaVersion": 39, "version": 1, "time": {"from": "now-6h", "to": "now"},
            "templating": {"list": [ds_var()] + variables}, "annotations": {"list": []},
            "links": [{"title": "LLM Quality Monitor", "type": "dashboards", "tags": ["llm-quality-monitor"],
                       "asDropdown": True, "includeVars": True, "keepTime": True}],
            "panels": layout.panels}


RI = "[$__rate_interval]"


def overview():
    s = 'service=~"$service"'
    l = Layout()
    l.add(stat("Requests / s", f"sum(rate(llm_requests_total{{{s}}}{RI}))", "reqps"), 6, 4)
    l.add(stat("Error ratio", f'sum(rate(llm_requests_total{{{s},status="error"}}{RI})) / '
                              f"sum(rate(llm_requests_total{{{s}}}{RI}))", "percentunit",
               thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 0.01}]), 6, 4)
    l.add(stat("Safety flag ratio", f'sum(rate(llm_safety_flags_total{{{s},flag=~"pii|injection|toxicity"}}{RI})) / '
                                    f"sum(rate(llm_requests_total{{{s}}}{RI}))", "percentunit",
               thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 0.001}]), 6, 4)
    l.add(stat("Detector alerts firing", f"sum(llm_alerts_active{{{s}}} == 1) or vector(0)", "short",
               thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 1}]), 6, 4)
    l.row("Traffic and errors")
    l.add(timeseries("Requests / s by service", [(f"sum by (service) (rate(llm_requests_total{{{s}}}{RI}))",
                                                  "{{service}}")], "reqps", stack=True), 12)
    l.add(timeseries("Error ratio by service",
                     [(f'sum by (service) (rate(llm_requests_total{{{s},status="error"}}{RI})) / '
                       f"sum by (service) (rate(llm_requests_total{{{s}}}{RI}))", "{{service}}")],
                     "percentunit"), 12)
    l.row("Safety")
    l.add(timeseries("Safety flags / s by flag", [(f"sum by (flag) (rate(llm_safety_flags_total{{{s}}}{RI}))",
                                                   "{{flag}}")], "short", stack=True), 12)
    l.add(timeseries("Refusal ratio by service",
                     [(f'sum by (service) (rate(llm_refusals_total{{{s},refusal="full"}}{RI})) / '
                       f"sum by (service) (rate(llm_requests_total{{{s}}}{RI}))", "{{service}} full"),
                      (f'sum by (service) (rate(llm_refusals_total{{{s},refusal="partial"}}{RI})) / '
                       f"sum by (service) (rate(llm_requests_total{{{s}}}{RI}))", "{{service}} partial")],
                     "percentunit"), 12)
    l.row("Quality")
    l.add(timeseries("Mean groundedness by service",
                     [(f"sum by (service) (rate(llm_groundedness_sum{{{s}}}{RI})) / "
                       f"sum by (service) (rate(llm_groundedness_count{{{s}}}{RI}))", "{{service}}")],
                     "percentunit", max_=1), 8)
    l.add(timeseries("Share of answers with groundedness <= 0.5",
                     [(f'sum by (service) (rate(llm_groundedness_bucket{{{s},le=~"0.5|0.50"}}{RI})) / '
                       f"sum by (service) (rate(llm_groundedness_count{{{s}}}{RI}))", "{{service}}")],
                     "percentunit", max_=1), 8)
    l.add(timeseries("Mean relevance by service",
                     [(f"sum by (service) (rate(llm_relevance_sum{{{s}}}{RI})) / "
                       f"sum by (service) (rate(llm_relevance_count{{{s}}}{RI}))", "{{service}}")],
                     "percentunit", max_=1), 8)
    l.row("Latency")
    l.add(timeseries("Request latency p50 / p95 / p99",
                     [(f"histogram_quantile({q}, sum by (le) (rate(llm_request_latency_seconds_bucket{{{s}}}{RI})))",
                       f"p{int(q * 100)}") for q in (0.5, 0.95, 0.99)], "s"), 12)
    l.add(timeseries("Time to first token p95 by service",
                     [(f"histogram_quantile(0.95, sum by (service, le) (rate(llm_ttft_seconds_bucket{{{s}}}{RI})))",
                       "{{service}}")], "s"), 12)
    l.row("Cost and tokens")
    l.add(timeseries("Spend (USD / hour) by service",
                     [(f"sum by (service) (rate(llm_cost_usd_total{{{s}}}{RI})) * 3600", "{{service}}")],
                     "currencyUSD", stack=True), 12)
    l.add(timeseries("Tokens / s by direction",
                     [(f"sum by (direction) (rate(llm_tokens_total{{{s}}}{RI}))", "{{direction}}")],
                     "short", stack=True), 12)
    return dashboard("llmqm-overview", "LLM Quality Monitor / Overview",
                     "Traffic, errors, safety, quality, latency and cost per service.", l,
                     [query_var("service", "label_values(llm_requests_total, service)")], ["overview"])


def drilldown():
    s = ('service=~"$service", model=~"$model", prompt_version=~"$prompt_version", '
         'variant=~"$variant", tenant=~"$tenant"')
    by = "prompt_version, variant"
    leg = "{{prompt_version}} {{variant}}"
    l = Layout()
    l.add(timeseries("Requests / s by prompt version and variant",
                     [(f"sum by ({by}) (rate(llm_requests_total{{{s}}}{RI}))", leg)], "reqps"), 12)
    l.add(timeseries("Error ratio", [(f'sum by ({by}) (rate(llm_requests_total{{{s},status="error"}}{RI})) / '
                                      f"sum by ({by}) (rate(llm_requests_total{{{s}}}{RI}))", leg)],
                     "percentunit"), 12)
    l.add(timeseries("Mean groundedness", [(f"sum by ({by}) (rate(llm_groundedness_sum{{{s}}}{RI})) / "
                                            f"sum by ({by}) (rate(llm_groundedness_count{{{s}}}{RI}))", leg)],
                     "percentunit", max_=1), 12)
    l.add(timeseries("Mean relevance", [(f"sum by ({by}) (rate(llm_relevance_sum{{{s}}}{RI})) / "
                                         f"sum by ({by}) (rate(llm_relevance_count{{{s}}}{RI}))", leg)],
                     "percentunit", max_=1), 12)
    l.add(timeseries("Safety flags per request by flag",
                     [(f"sum by (flag) (rate(llm_safety_flags_total{{{s}}}{RI})) / ignoring (flag) group_left "
                       f"sum(rate(llm_requests_total{{{s}}}{RI}))", "{{flag}}")], "percentunit"), 12)
    l.add(timeseries("Refusals per request", [(f"sum by (refusal) (rate(llm_refusals_total{{{s}}}{RI})) / "
                                               f"ignoring (refusal) group_left sum(rate(llm_requests_total{{{s}}}{RI}))",
                                               "{{refusal}}")], "percentunit", stack=True), 12)
    l.add(timeseries("Request latency p95", [(f"histogram_quantile(0.95, sum by ({by}, le) "
                                              f"(rate(llm_request_latency_seconds_bucket{{{s}}}{RI})))", leg)], "s"),
          12)
    l.add(timeseries("Time to first token p95", [(f"histogram_quantile(0.95, sum by ({by}, le) "
                                                  f"(rate(llm_ttft_seconds_bucket{{{s}}}{RI})))", leg)], "s"), 12)
    l.add(timeseries("Spend (USD / hour)", [(f"sum by ({by}) (rate(llm_cost_usd_total{{{s}}}{RI})) * 3600", leg)],
                     "currencyUSD"), 12)
    l.add(timeseries("Tokens per request", [(f"sum by (direction) (rate(llm_tokens_total{{{s}}}{RI})) / "
                                             f"ignoring (direction) group_left sum(rate(llm_requests_total{{{s}}}{RI}))",
                                             "{{direction}}")], "short"), 12)
    seg = 'service=~"$service"'
    variables = [
        query_var("service", "label_values(llm_requests_total, service)"),
        query_var("model", f"label_values(llm_requests_total{{{seg}}}, model)"),
        query_var("prompt_version", f'label_values(llm_requests_total{{{seg}, model=~"$model"}}, prompt_version)',
                  "prompt version"),
        query_var("variant", f'label_values(llm_requests_total{{{seg}, model=~"$model"}}, variant)'),
        query_var("tenant", f'label_values(llm_requests_total{{{seg}, model=~"$model"}}, tenant)'),
    ]
    return dashboard("llmqm-segment-drilldown", "LLM Quality Monitor / Segment drill-down",
                     "One segment (service, model, prompt version, variant, tenant): did prompt v7 make answers "
                     "less grounded for tenant X?", l, variables, ["segments"])


def drift():
    s = 'service=~"$service"'
    l = Layout()
    l.add(stat("Detector alerts firing", f"sum(llm_alerts_active{{{s}}} == 1) or vector(0)", "short",
               thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 1}]), 6, 6)
    l.add(table("Firing detector alerts (signal, severity, segment)", f"llm_alerts_active{{{s}}} == 1"), 18, 6)
    l.add(timeseries("Detector alert events by signal and state",
                     [(f"sum by (signal, state) (increase(llm_alerts_total{RI}))", "{{signal}} {{state}}")],
                     "short", stack=True), 12)
    l.add(timeseries("Firing detector alerts by signal",
                     [(f"count by (signal) (llm_alerts_active{{{s}}} == 1)", "{{signal}}")], "short", stack=True), 12)
    l.add(heatmap("Groundedness distribution", f"sum by (le) (increase(llm_groundedness_bucket{{{s}}}{RI}))"), 12)
    l.add(heatmap("Relevance distribution", f"sum by (le) (increase(llm_relevance_bucket{{{s}}}{RI}))"), 12)
    l.add(timeseries("Mean groundedness by prompt version and variant",
                     [(f"sum by (prompt_version, variant) (rate(llm_groundedness_sum{{{s}}}{RI})) / "
                       f"sum by (prompt_version, variant) (rate(llm_groundedness_count{{{s}}}{RI}))",
                       "{{prompt_version}} {{variant}}")], "percentunit", max_=1), 12)
    l.add(timeseries("Mean relevance by prompt version and variant",
                     [(f"sum by (prompt_version, variant) (rate(llm_relevance_sum{{{s}}}{RI})) / "
                       f"sum by (prompt_version, variant) (rate(llm_relevance_count{{{s}}}{RI}))",
                       "{{prompt_version}} {{variant}}")], "percentunit", max_=1), 12)
    l.add(timeseries("Window latency quantiles (last closed 1-minute pane, merged DDSketch)",
                     [(f'max by (service, percentile) (llm_window_latency_seconds{{{s}}})',
                       "{{service}} {{percentile}}")], "s"), 24)
    return dashboard("llmqm-drift-alerts", "LLM Quality Monitor / Drift and detector alerts",
                     "What the monitor's own detectors report, and the score distributions behind them.", l,
                     [query_var("service", "label_values(llm_requests_total, service)")], ["drift", "alerts"])


def pipeline():
    l = Layout()
    l.add(stat("Streams running", "min(llm_pipeline_streams_running)", "short",
               thresholds=[{"color": "red", "value": None}, {"color": "green", "value": 1}]), 6, 4)
    l.add(stat("Consumer lag (records)", "max(llm_pipeline_consumer_lag)", "short",
               thresholds=[{"color": "green", "value": None}, {"color": "orange", "value": 10000}]), 6, 4)
    l.add(stat("Seconds since last processed event", "time() - max(llm_pipeline_last_processed_timestamp_seconds)",
               "s", thresholds=[{"color": "green", "value": None}, {"color": "red", "value": 300}]), 6, 4)
    l.add(stat("Scrape targets up", 'sum(up{job="llm-quality-monitor"})', "short",
               thresholds=[{"color": "red", "value": None}, {"color": "green", "value": 1}]), 6, 4)
    l.add(timeseries("Events / s by outcome", [(f"sum by (outcome) (rate(llm_events_total{RI}))", "{{outcome}}")],
                     "short", stack=True), 12)
    l.add(timeseries("Dead-letter records / s by reason",
                     [(f"sum by (reason) (rate(llm_dlq_events_total{RI}))", "{{reason}}")], "short", stack=True), 12)
    l.add(timeseries("Quarantined events / s by service (redaction failures)",
                     [(f"sum by (service) (rate(llm_quarantine_events_total{RI}))", "{{service}}")], "short"), 12)
    l.add(timeseries("Late events / s by service",
                     [(f"sum by (service) (rate(llm_late_events_total{RI}))", "{{service}}")], "short"), 12)
    l.add(timeseries("Consumer lag by instance", [("max by (instance) (llm_pipeline_consumer_lag)", "{{instance}}")],
                     "short"), 12)
    l.add(timeseries("Streams running by instance",
                     [("max by (instance) (llm_pipeline_streams_running)", "{{instance}}")], "short", max_=1), 12)
    l.add(timeseries("Tier-1 scoring time per event",
                     [(f"histogram_quantile(0.99, sum by (le) (rate(llm_scoring_duration_seconds_bucket{RI})))", "p99"),
                      (f"sum(rate(llm_scoring_duration_seconds_sum{RI})) / sum(rate(llm_scoring_duration_seconds_count{RI}))",
                       "mean")], "s"), 12)
    l.add(timeseries("Windows closed / s", [(f"sum(rate(llm_windows_closed_total{RI}))", "panes")], "short"), 12)
    l.add(timeseries("Segment values folded into \"other\" / s by dimension",
                     [(f"sum by (dimension) (rate(llm_segment_overflow_total{RI}))", "{{dimension}}")], "short"), 12)
    l.add(timeseries("Samples / s by reason", [(f"sum by (reason) (rate(llm_samples_total{RI}))", "{{reason}}")],
                     "short", stack=True), 12)
    return dashboard("llmqm-pipeline-health", "LLM Quality Monitor / Pipeline health",
                     "The monitor itself: ingest outcomes, dead letters, quarantine, lateness, lag and scoring time.",
                     l, [], ["pipeline"])


def main():
    for name, d in (("overview", overview()), ("segment-drilldown", drilldown()), ("drift-alerts", drift()),
                    ("pipeline-health", pipeline())):
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(d, f, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
