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
      width: plotWidth(holder),
      height: 220,
      scales: {
        x: { time: true },
        records: { auto: true },
        seconds: { auto: true }
      },
      series: [
        { label: "Started" },
        { label: "Records", scale: "records", stroke: "#1f5fbf", width: 2, points: { show: true, size: 6 } },
        { label: "Duration (s)", scale: "seconds", stroke: "#b35c00", width: 2, dash: [6, 4],
          points: { show: true, size: 6 } }
      ],
      axes: [
        {},
        { scale: "records", size: 50, values: function (u, splits) { return splits.map(short); } },
        { scale: "seconds", side: 1, size: 40, grid: { show: false } }
      ]
    };
    var plot = new window.uPlot(options, [data.startedAt, data.records, data.seconds], holder);
    if (data.startedAt.length === 1) {
      // one sync alone gets an hour around it rather than years
      plot.setScale("x", { min: data.startedAt[0] - 1800, max: data.startedAt[0] + 1800 });
    }
    window.addEventListener("resize", function () {
      if (document.body.contains(holder)) {
        plot.setSize({ width: plotWidth(holder), height: 220 });
      }
    });
  }

  // The box's width inside its padding.
  function plotWidth(holder) {
    var style = window.getComputedStyle(holder);
    return Math.max(240, holder.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  }

  // 1200 -> 1.2k, 3000000 -> 3M: axis labels that fit a phone.
  function short(value) {
    if (value >= 1e6) {
      return +(value / 1e6).toFixed(1) + "M";
    }
    return value >= 1e3 ? +(value / 1e3).toFixed(1) + "k" : String(value);
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
