// Draws the dashboard's charts with Apache ECharts from the data-chart attribute the server wrote; a click on a bar
// drills down to that region (or opens the households behind a breakdown figure).
(function () {
  'use strict';
  var palette = ['#0d6efd', '#dc3545', '#6c757d', '#198754', '#fd7e14', '#6f42c1', '#20c997'];

  function draw(element) {
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var dark = element.getAttribute('data-theme') === 'dark';
    var chart = echarts.init(element, dark ? 'dark' : null, {renderer: 'canvas'});
    var hasPercent = spec.series.some(function (s) { return s.percent; });
    var many = spec.categories.length > 6;
    var categoryAxis = {
      type: 'category', data: spec.categories, inverse: spec.horizontal,
      axisLabel: {interval: 0, rotate: !spec.horizontal && many ? 40 : 0, fontSize: 11,
        width: spec.horizontal ? 150 : 90, overflow: 'truncate'}
    };
    var valueAxes = [{type: 'value', minInterval: 1}];
    if (hasPercent) {
      valueAxes.push({type: 'value', axisLabel: {formatter: '{value}%'}, splitLine: {show: false}});
    }
    // labels on one rate line read well; on two they overlap (the tooltip gives them)
    var percentSeries = spec.series.filter(function (s) { return s.percent; }).length;
    chart.setOption({
      color: dark ? ['#5cc8ff', '#ff6b81', '#a0aec0', '#4fd1a5', '#ffb454', '#b794f4', '#63e6be'] : palette,
      backgroundColor: 'transparent',
      tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 8, right: 16, bottom: 8, top: 36, containLabel: true},
      xAxis: spec.horizontal ? valueAxes[0] : categoryAxis,
      yAxis: spec.horizontal ? categoryAxis : valueAxes,
      series: spec.series.map(function (s) {
        return {
          name: s.name, data: s.data, type: s.percent ? 'line' : 'bar',
          stack: spec.stacked && !s.percent ? 'all' : undefined,
          yAxisIndex: !spec.horizontal && s.percent ? 1 : 0,
          barMaxWidth: 36, connectNulls: false,
          // a rate's label sits above its point on a box of the page's colour, so a bar behind it never hides it
          label: s.percent && percentSeries === 1 ? {show: true, position: 'top', formatter: '{c}%', fontSize: 10,
            color: dark ? '#e6edf7' : '#212529', backgroundColor: dark ? 'rgba(11,21,38,0.85)' : 'rgba(255,255,255,0.9)',
            padding: [1, 3], borderRadius: 2} : undefined,
          labelLayout: {hideOverlap: true},
          cursor: 'pointer'
        };
      })
    });
    chart.on('click', function (event) {
      var series = spec.series[event.seriesIndex];
      var link = series && series.links[event.dataIndex];
      if (link) {
        window.location.href = link;
      }
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-drawn', 'true');
  }

  function inFirstScreen(element) {
    var box = element.getBoundingClientRect();
    return box.top < window.innerHeight && box.bottom > 0;
  }

  // the charts on the first screen are drawn at once; the rest one at a time when the browser is idle, so the page
  // is ready to read and scroll before a chart nobody sees yet is drawn
  function start() {
    if (typeof echarts === 'undefined') {
      return;
    }
    var later = [];
    document.querySelectorAll('[data-chart]').forEach(function (element) {
      if (inFirstScreen(element)) {
        draw(element);
      } else {
        later.push(element);
      }
    });
    document.documentElement.setAttribute('data-first-screen-drawn', 'true');
    var idle = window.requestIdleCallback || function (work) { return setTimeout(work, 1); };
    function next() {
      var element = later.shift();
      if (element) {
        draw(element);
        idle(next);
      }
    }
    idle(next);
  }

  // choosing another year reloads the dashboard without a button
  document.addEventListener('change', function (event) {
    if (event.target.hasAttribute('data-autosubmit')) {
      event.target.form.submit();
    }
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
