// Draws the household file's income chart with Apache ECharts: net income per capita by year as bars (red below the
// line) and the monitoring line of each year as a stepped line. The table under the chart holds the same figures.
(function () {
  'use strict';

  function draw(element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var chart = echarts.init(element, null, {renderer: 'canvas'});
    var bars = spec.perCapita.map(function (value, i) {
      var line = spec.line[i];
      var below = line !== null && Number(value) < Number(line);
      return {value: value, itemStyle: {color: below ? '#dc3545' : '#198754'}};
    });
    chart.setOption({
      tooltip: {trigger: 'axis'},
      legend: {top: 0, data: [element.getAttribute('data-name-income'), element.getAttribute('data-name-line')]},
      grid: {left: 8, right: 16, bottom: 8, top: 36, containLabel: true},
      xAxis: {type: 'category', data: spec.years},
      yAxis: {type: 'value'},
      series: [
        {name: element.getAttribute('data-name-income'), type: 'bar', data: bars, barMaxWidth: 40,
          itemStyle: {color: '#198754'}},
        // one year: a single point, drawn as a dash so that it reads as a level rather than a dot
        {name: element.getAttribute('data-name-line'), type: 'line', step: 'middle', data: spec.line,
          color: '#0d6efd', symbol: spec.years.length === 1 ? 'rect' : 'circle',
          symbolSize: spec.years.length === 1 ? [60, 3] : 6, connectNulls: false}
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-drawn', 'true');
  }

  function start() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
