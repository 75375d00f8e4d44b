/* Signed technology transfer contracts by year: value (billion đồng) as bars, count as a line. */
(function () {
  "use strict";
  const node = document.getElementById("deal-chart-data");
  const canvas = document.getElementById("deal-value-chart");
  if (!node || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(node.textContent);
  const en = document.documentElement.lang === "en";
  const fmt = new Intl.NumberFormat(en ? "en-GB" : "vi-VN", { maximumFractionDigits: 2 });
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.years,
      datasets: [
        { label: en ? "Value (billion VND)" : "Giá trị (tỷ đồng)", data: data.values, backgroundColor: "#0b4a8b", yAxisID: "y" },
        { label: en ? "Contracts" : "Số hợp đồng", data: data.deals, type: "line", borderColor: "#b3261e", yAxisID: "y1" },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: {
        y: { beginAtZero: true, ticks: { callback: (v) => fmt.format(v) } },
        y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
      },
      plugins: { tooltip: { callbacks: { label: (c) => c.dataset.label + ": " + fmt.format(c.parsed.y) } } },
    },
  });
})();
