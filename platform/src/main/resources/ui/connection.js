// Sluice connection pages: the sync chart (uPlot) and the log box that follows a running job.
(function () {
  "use strict";

  function drawChart() {
    var holder = document.getElementById("sync-chart");
    var source = document.getElementById("sync-chart-data");
    if (!holder || !source || holder.dataset.drawn || !window.uPlot) {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (data.startedAt.length === 0) {
      holder.textContent = "The chart shows once a sync has finished.";
      return;
    }
    holder.dataset.drawn = "true";
    var options = {
      width: Math.max(holder.clientWidth, 280),
      height: 220,
      scales: { x: { time: true }, records: { auto: true }, seconds: { auto: true } },
      series: [
        { label: "Started" },
        { label: "Records", scale: "records", stroke: "#1f5fbf", width: 2, points: { show: true, size: 6 } },
        { label: "Duration (s)", scale: "seconds", stroke: "#b35c00", width: 2, dash: [6, 4],
          points: { show: true, size: 6 } }
      ],
      axes: [
        {},
        { scale: "records", size: 60 },
        { scale: "seconds", side: 1, size: 45, grid: { show: false } }
      ]
    };
    var plot = new window.uPlot(options, [data.startedAt, data.records, data.seconds], holder);
    window.addEventListener("resize", function () {
      if (document.body.contains(holder)) {
        plot.setSize({ width: Math.max(holder.clientWidth, 280), height: 220 });
      }
    });
  }

  // Keeps the log box at its bottom as lines arrive, unless the reader scrolled up.
  function followLog() {
    var box = document.getElementById("job-log");
    if (!box || box.dataset.follows) {
      return;
    }
    box.dataset.follows = "true";
    var atBottom = true;
    box.scrollTop = box.scrollHeight;
    box.addEventListener("scroll", function () {
      atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 24;
    });
    document.body.addEventListener("htmx:oobAfterSwap", function (event) {
      if (atBottom && event.detail.target === box) {
        box.scrollTop = box.scrollHeight;
      }
    });
  }

  htmx.onLoad(function () {
    drawChart();
    followLog();
  });
})();
