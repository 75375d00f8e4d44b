/* Indicator charts: measurements against the target, drawn with Chart.js (vendored). */
(function () {
  "use strict";
  const lang = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";
  const fmt = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const css = getComputedStyle(document.documentElement);
  const colour = (name, fallback) => (css.getPropertyValue(name) || fallback).trim();
  const LINE = colour("--c-primary", "#0b4a8b");
  const TARGET = colour("--c-target", "#b3261e");
  const ILLUSTRATIVE = colour("--c-illustrative", "#8a6d00");

  function readJSON(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : {};
  }

  function pointStyle(points) {
    return {
      backgroundColor: points.map((p) => (p.kind === "provisional" ? "#fff" : p.illustrative ? ILLUSTRATIVE : LINE)),
      borderColor: points.map((p) => (p.illustrative ? ILLUSTRATIVE : LINE)),
    };
  }

  function targetDatasets(spec, xMin, xMax, labels) {
    const t = spec.target;
    if (!t) return [];
    const sets = [];
    const band = (y, label, dash) => ({
      label: label, data: [{ x: xMin, y: y }, { x: xMax, y: y }], borderColor: TARGET,
      borderDash: dash, borderWidth: 1.5, pointRadius: 0, fill: false,
    });
    if (t.high !== null && t.high !== undefined) {
      sets.push(band(t.low, labels.targetLow, [6, 4]));
      sets.push(Object.assign(band(t.high, labels.targetHigh, [6, 4]), { fill: "-1", backgroundColor: "rgba(179,38,30,0.08)" }));
    } else {
      sets.push(band(t.goal, labels.target, [6, 4]));
    }
    return sets;
  }

  function build(canvas, spec, compact) {
    const points = spec.points || [];
    const xs = points.map((p) => p.x);
    if (spec.baseline) xs.push(spec.baseline.x);
    if (spec.target && spec.target.year && !compact) xs.push(spec.target.year);
    const xMin = Math.min(...xs) - 0.3;
    const xMax = Math.max(...xs) + 0.3;
    const labels = canvas.closest("[lang]").lang === "en"
      ? { value: "Value", target: "Target", targetLow: "Target (low)", targetHigh: "Target (high)", baseline: "Baseline" }
      : { value: "Giá trị", target: "Mục tiêu", targetLow: "Mục tiêu (cận dưới)", targetHigh: "Mục tiêu (cận trên)", baseline: "Cơ sở" };
    const style = pointStyle(points);
    const datasets = [{
      label: labels.value, data: points, parsing: false, borderColor: LINE, borderWidth: 2,
      pointRadius: compact ? 2.5 : 4, pointBackgroundColor: style.backgroundColor, pointBorderColor: style.borderColor,
      segment: { borderDash: (ctx) => (points[ctx.p1DataIndex] && points[ctx.p1DataIndex].illustrative ? [4, 3] : undefined),
                 borderColor: (ctx) => (points[ctx.p1DataIndex] && points[ctx.p1DataIndex].illustrative ? ILLUSTRATIVE : LINE) },
    }];
    if (spec.baseline && !compact) {
      datasets.push({ label: labels.baseline, data: [spec.baseline], pointRadius: 6, pointStyle: "rectRot",
                      backgroundColor: "#555", borderColor: "#555", showLine: false });
    }
    datasets.push(...targetDatasets(spec, xMin, xMax, labels));
    return new Chart(canvas, {
      type: "line",
      data: { datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        plugins: {
          legend: { display: !compact, labels: { boxWidth: 14 } },
          tooltip: { callbacks: {
            title: (items) => (items[0].raw.label || ""),
            label: (item) => `${item.dataset.label}: ${fmt.format(item.parsed.y)} ${spec.unit}` +
              (item.raw.illustrative ? (lang === "en-GB" ? " (illustrative)" : " (minh họa)") : "") +
              (item.raw.kind === "provisional" ? (lang === "en-GB" ? " (provisional)" : " (ước tính)") : ""),
          } },
        },
        scales: {
          x: { type: "linear", min: xMin, max: xMax, display: !compact,
               ticks: { stepSize: 1, includeBounds: false, callback: (v) => (Number.isInteger(v) ? String(v) : "") } },
          y: { reverse: !!spec.decrease, display: !compact, ticks: { callback: (v) => fmt.format(v) } },
        },
      },
    });
  }

  function init() {
    if (typeof Chart === "undefined") return;
    const sparks = readJSON("sparklines");
    document.querySelectorAll("canvas[data-spark]").forEach((c) => {
      const spec = sparks[c.dataset.spark];
      if (spec && spec.points.length) build(c, spec, true); else c.parentElement.classList.add("empty");
    });
    const charts = readJSON("charts");
    document.querySelectorAll("canvas[data-chart]").forEach((c) => {
      const spec = charts[c.dataset.chart];
      if (spec) build(c, spec, false);
    });
  }
  document.addEventListener("DOMContentLoaded", init);
})();
