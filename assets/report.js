// Charts of report.html, drawn with D3 from the JSON embedded in the page. Text reaches the page
// only through .text(); nothing is fetched. Every chart has a data table next to it.
(function () {
  'use strict';

  var source = document.getElementById('report-data');
  if (!source || typeof d3 === 'undefined') return;
  var data = JSON.parse(source.textContent);
  var P = data.palette;
  var WIDTH = 640;
  var SYMBOLS = [d3.symbolCircle, d3.symbolSquare, d3.symbolTriangle, d3.symbolDiamond, d3.symbolCross];
  var labelOf = {};
  var themeById = {};
  data.themes.forEach(function (theme) {
    labelOf[theme.id] = theme.label;
    themeById[theme.id] = theme;
  });

  function pct(value) {
    if (value > 0 && value < 0.1) return (value * 100).toFixed(1) + '%';
    return Math.round(value * 100) + '%';
  }

  // Heatmap cells are narrow: whole percentages, "<1%" for small non-zero shares.
  function cellPct(value) {
    if (value <= 0) return '·';
    if (value < 0.005) return '<1%';
    return Math.round(value * 100) + '%';
  }

  function compactCount(value) {
    return value >= 1000 ? d3.format('.2~s')(value) : String(value);
  }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }

  // Rotated column labels above a grid and right-aligned row labels beside it (heatmaps).
  function drawGridLabels(svg, grid) {
    svg
      .append('g')
      .attr('class', 'column-labels')
      .selectAll('text')
      .data(grid.columns)
      .join('text')
      .attr('transform', function (id) {
        return 'translate(' + (grid.x(id) + grid.x.bandwidth() / 2) + ',' + (grid.margin.top - 8) + ') rotate(-40)';
      })
      .text(function (id) { return shorten(grid.columnLabel(id), 22); });
    svg
      .append('g')
      .selectAll('text')
      .data(grid.rows)
      .join('text')
      .attr('class', 'row-label')
      .attr('x', grid.margin.left - 8)
      .attr('y', function (row) { return grid.y(grid.rowKey(row)) + grid.y.bandwidth() / 2; })
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(function (row) { return shorten(grid.rowLabel(row), 26); });
  }

  function chart(name) {
    return d3.select('figure.chart[data-chart="' + name + '"]');
  }

  function newSvg(figure, height) {
    return figure
      .append('svg')
      .attr('viewBox', '0 0 ' + WIDTH + ' ' + height)
      .attr('width', '100%')
      .attr('preserveAspectRatio', 'xMinYMin meet')
      .attr('aria-hidden', 'true')
      .attr('focusable', 'false');
  }

  function empty(figure, message) {
    figure.append('p').attr('class', 'chart-empty').text(message);
  }

  function hatchPattern(svg, id, colour) {
    var pattern = svg
      .append('defs')
      .append('pattern')
      .attr('id', id)
      .attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 6)
      .attr('height', 6)
      .attr('patternTransform', 'rotate(45)');
    pattern.append('rect').attr('width', 6).attr('height', 6).attr('fill', '#ffffff');
    pattern.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 6).attr('stroke', colour).attr('stroke-width', 3);
  }

  function barFill(theme, hatchId) {
    return theme.actionable ? P.actionable : 'url(#' + hatchId + ')';
  }

  function actionLegend(svg, hatchId, y) {
    var legend = svg.append('g').attr('class', 'legend').attr('transform', 'translate(0,' + y + ')');
    var items = [
      { label: 'Within the candidate’s control', fill: P.actionable },
      { label: 'Outside their control', fill: 'url(#' + hatchId + ')' },
    ];
    var x = 0;
    items.forEach(function (item) {
      legend.append('rect').attr('x', x).attr('y', 0).attr('width', 14).attr('height', 14).attr('fill', item.fill).attr('stroke', P.notActionable);
      legend.append('text').attr('x', x + 20).attr('y', 11).text(item.label);
      x += 250;
    });
  }

  // Horizontal bars, one per theme, with value labels (so length and text both carry the value).
  function horizontalBars(figure, rows, options) {
    var rowHeight = 26;
    var margin = { top: 48, right: 150, bottom: 8, left: 190 };
    var height = margin.top + rows.length * rowHeight + margin.bottom;
    var svg = newSvg(figure, height);
    var hatchId = options.name + '-hatch';
    hatchPattern(svg, hatchId, P.notActionable);
    actionLegend(svg, hatchId, 0);
    var max = d3.max(rows, options.value) || 1;
    var x = d3.scaleLinear().domain([0, max]).range([0, WIDTH - margin.left - margin.right]);
    var y = d3.scaleBand().domain(rows.map(function (row) { return row.id; })).range([margin.top, height - margin.bottom]).padding(0.22);
    var axis = svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + margin.left + ',' + (margin.top - 4) + ')');
    axis.call(d3.axisTop(x).ticks(options.integer ? Math.min(5, max) : 5).tickFormat(options.tickFormat).tickSizeOuter(0));
    var row = svg.selectAll('g.row').data(rows).join('g').attr('class', 'row');
    row
      .append('text')
      .attr('class', 'row-label')
      .attr('x', margin.left - 8)
      .attr('y', function (d) { return y(d.id) + y.bandwidth() / 2; })
      .attr('dy', '0.35em')
      .attr('text-anchor', 'end')
      .text(function (d) { return shorten(d.label, 26); });
    row
      .append('rect')
      .attr('class', 'bar')
      .attr('data-theme', function (d) { return d.id; })
      .attr('x', margin.left)
      .attr('y', function (d) { return y(d.id); })
      .attr('height', y.bandwidth())
      .attr('width', function (d) { return Math.max(0, x(options.value(d))); })
      .attr('fill', function (d) { return barFill(d, hatchId); })
      .attr('stroke', function (d) { return d.actionable ? P.actionable : P.notActionable; });
    row
      .append('text')
      .attr('class', 'value-label')
      .attr('x', function (d) { return margin.left + x(options.value(d)) + 6; })
      .attr('y', function (d) { return y(d.id) + y.bandwidth() / 2; })
      .attr('dy', '0.35em')
      .text(function (d) { return options.label(d) + (d.actionable ? '' : ' · outside control'); });
  }

  function drawPrevalence() {
    var figure = chart('prevalence');
    var rows = data.themes.slice().sort(function (a, b) { return b.items - a.items; });
    if (rows.length === 0) return empty(figure, 'No themes in the taxonomy.');
    horizontalBars(figure, rows, {
      name: 'prevalence',
      value: function (d) { return d.share; },
      tickFormat: d3.format('.0%'),
      label: function (d) { return pct(d.share) + ' (' + d.items + ')'; },
    });
  }

  function drawRecurrence() {
    var figure = chart('recurrence');
    var rows = data.themes
      .filter(function (theme) { return theme.recurringCandidates > 0; })
      .sort(function (a, b) { return b.recurringCandidates - a.recurringCandidates; });
    if (rows.length === 0) return empty(figure, 'No candidate has the same theme in two or more rejections.');
    horizontalBars(figure, rows, {
      name: 'recurrence',
      value: function (d) { return d.recurringCandidates; },
      tickFormat: d3.format('d'),
      integer: true,
      label: function (d) { return d.recurringCandidates + (d.recurringCandidates === 1 ? ' candidate' : ' candidates'); },
    });
  }

  // Single-hue sequential blues: ordered by lightness, so readable without colour vision.
  function heatColour(max) {
    return function (value) {
      return d3.interpolateBlues(0.08 + 0.87 * (value / max));
    };
  }

  // Rows × columns of shares; the share is printed in each cell so colour is never the only cue.
  function heatmap(figure, rows, columns, options) {
    var margin = { top: 110, right: 70, bottom: 12, left: 190 };
    var rowHeight = 34;
    var height = margin.top + rows.length * rowHeight + margin.bottom;
    var svg = newSvg(figure, height);
    var x = d3.scaleBand().domain(columns).range([margin.left, WIDTH - margin.right]).padding(0.06);
    var y = d3.scaleBand().domain(rows.map(function (row) { return row.key; })).range([margin.top, height - margin.bottom]).padding(0.06);
    var max = 0;
    rows.forEach(function (row) {
      if (row.suppressed) return;
      columns.forEach(function (id) { max = Math.max(max, options.value(row, id)); });
    });
    var colour = heatColour(max || 1);
    drawGridLabels(svg, {
      columns: columns, rows: rows, x: x, y: y, margin: margin,
      columnLabel: function (id) { return labelOf[id] || id; },
      rowKey: function (row) { return row.key; },
      rowLabel: function (row) { return row.label; },
    });
    rows.forEach(function (row) {
      var top = y(row.key);
      if (row.suppressed) {
        svg
          .append('rect')
          .attr('class', 'suppressed-row')
          .attr('x', margin.left)
          .attr('y', top)
          .attr('width', WIDTH - margin.right - margin.left)
          .attr('height', y.bandwidth())
          .attr('fill', '#f2f2f2')
          .attr('stroke', P.suppressed)
          .attr('stroke-dasharray', '4 3');
        svg
          .append('text')
          .attr('class', 'suppressed-label')
          .attr('x', margin.left + 10)
          .attr('y', top + y.bandwidth() / 2)
          .attr('dy', '0.35em')
          .text('Suppressed: fewer than ' + data.minGroup + ' candidates');
        return;
      }
      var cells = svg
        .append('g')
        .selectAll('g')
        .data(columns.map(function (id) { return { id: id, value: options.value(row, id) }; }))
        .join('g');
      cells
        .append('rect')
        .attr('class', 'cell')
        .attr('data-row', row.key)
        .attr('data-theme', function (d) { return d.id; })
        .attr('x', function (d) { return x(d.id); })
        .attr('y', top)
        .attr('width', x.bandwidth())
        .attr('height', y.bandwidth())
        .attr('fill', function (d) { return colour(d.value); });
      cells
        .append('text')
        .attr('class', 'cell-label')
        .attr('x', function (d) { return x(d.id) + x.bandwidth() / 2; })
        .attr('y', top + y.bandwidth() / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'middle')
        .attr('fill', function (d) { return d.value > max * 0.45 ? '#ffffff' : P.text; })
        .style('font-size', x.bandwidth() < 34 ? '10px' : null)
        .text(function (d) { return cellPct(d.value); });
    });
  }

  function shareIn(group, id) {
    return group.themes && group.items > 0 ? (group.themes[id] || 0) / group.items : 0;
  }

  function drawStages() {
    var figure = chart('stages');
    var columns = data.themes
      .filter(function (theme) { return theme.items > 0; })
      .map(function (theme) { return theme.id; });
    if (data.phases.length === 0 || columns.length === 0) return empty(figure, 'No themed items to place by stage.');
    heatmap(figure, data.phases, columns, { value: shareIn });
  }

  function drawCohorts() {
    var figure = chart('cohorts');
    if (data.cohorts.length === 0) return empty(figure, 'No cohort column in the data.');
    if (data.cohortThemes.length === 0) return empty(figure, 'No themed items to compare.');
    var rows = data.cohorts.map(function (cohort) {
      return { key: cohort.key, label: cohort.key, suppressed: cohort.suppressed, items: cohort.items, themes: cohort.themes };
    });
    heatmap(figure, rows, data.cohortThemes, { value: shareIn });
  }

  /** Symbol + label per series, wrapping onto new rows; returns the height used. */
  function seriesLegend(svg, ids) {
    var legend = svg.append('g').attr('class', 'legend');
    var x = 0;
    var y = 0;
    ids.forEach(function (id, index) {
      var label = shorten(labelOf[id] || id, 30);
      var width = 30 + label.length * 6.8;
      if (x > 0 && x + width > WIDTH) {
        x = 0;
        y += 20;
      }
      legend
        .append('path')
        .attr('transform', 'translate(' + (x + 7) + ',' + (y + 7) + ')')
        .attr('d', d3.symbol(SYMBOLS[index % SYMBOLS.length], 70)())
        .attr('fill', P.series[index % P.series.length]);
      legend.append('text').attr('x', x + 18).attr('y', y + 11).text(label);
      x += width;
    });
    return y + 20;
  }

  function drawOverTime() {
    var figure = chart('over-time');
    var months = data.months;
    var ids = data.trendThemes;
    if (months.length === 0 || ids.length === 0) return empty(figure, 'No dated, themed feedback.');
    var svg = newSvg(figure, 0);
    var legendHeight = seriesLegend(svg, ids);
    var margin = { top: legendHeight + 20, right: 24, bottom: 44, left: 48 };
    var height = margin.top + 240 + margin.bottom;
    svg.attr('viewBox', '0 0 ' + WIDTH + ' ' + height);
    var x = d3.scalePoint().domain(months.map(function (m) { return m.key; })).range([margin.left, WIDTH - margin.right]).padding(0.4);
    var max = 0;
    months.forEach(function (month) {
      if (month.suppressed) return;
      ids.forEach(function (id) { max = Math.max(max, shareIn(month, id)); });
    });
    var y = d3.scaleLinear().domain([0, Math.max(0.05, max)]).nice().range([height - margin.bottom, margin.top]);
    svg
      .append('g')
      .attr('class', 'axis')
      .attr('transform', 'translate(0,' + (height - margin.bottom) + ')')
      .call(d3.axisBottom(x).tickSizeOuter(0));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + margin.left + ',0)').call(d3.axisLeft(y).ticks(5).tickFormat(d3.format('.0%')));
    months.forEach(function (month) {
      if (!month.suppressed) return;
      svg
        .append('text')
        .attr('class', 'suppressed-label')
        .attr('x', x(month.key))
        .attr('y', height - margin.bottom - 8)
        .attr('text-anchor', 'middle')
        .text('suppressed');
    });
    ids.forEach(function (id, index) {
      var colour = P.series[index % P.series.length];
      var points = months.map(function (month) {
        return { key: month.key, value: month.suppressed ? null : shareIn(month, id) };
      });
      var line = d3
        .line()
        .defined(function (d) { return d.value !== null; })
        .x(function (d) { return x(d.key); })
        .y(function (d) { return y(d.value); });
      svg.append('path').attr('class', 'line').attr('data-theme', id).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2.5).attr('d', line(points));
      svg
        .append('g')
        .selectAll('path')
        .data(points.filter(function (d) { return d.value !== null; }))
        .join('path')
        .attr('class', 'point')
        .attr('data-theme', id)
        .attr('transform', function (d) { return 'translate(' + x(d.key) + ',' + y(d.value) + ')'; })
        .attr('d', d3.symbol(SYMBOLS[index % SYMBOLS.length], 64)())
        .attr('fill', colour)
        .attr('stroke', '#ffffff');
    });
  }

  function drawCooccurrence() {
    var figure = chart('cooccurrence');
    var pairs = data.cooccurrence;
    if (pairs.length === 0) return empty(figure, 'No two themes appear together in the same item.');
    var order = data.themes.map(function (theme) { return theme.id; });
    var involved = order.filter(function (id) {
      return pairs.some(function (pair) { return pair.a === id || pair.b === id; });
    });
    var rows = involved.slice(1);
    var columns = involved.slice(0, -1);
    var margin = { top: 110, right: 70, bottom: 12, left: 190 };
    var size = Math.min(52, (WIDTH - margin.left - margin.right) / Math.max(1, columns.length));
    var height = margin.top + rows.length * size + margin.bottom;
    var svg = newSvg(figure, height);
    var x = d3.scaleBand().domain(columns).range([margin.left, margin.left + columns.length * size]).padding(0.06);
    var y = d3.scaleBand().domain(rows).range([margin.top, margin.top + rows.length * size]).padding(0.06);
    var max = d3.max(pairs, function (pair) { return pair.items; }) || 1;
    var colour = heatColour(max);
    rows.forEach(function (row) {
      columns.forEach(function (column) {
        if (order.indexOf(column) >= order.indexOf(row)) return;
        svg.append('rect').attr('class', 'grid').attr('x', x(column)).attr('y', y(row)).attr('width', x.bandwidth()).attr('height', y.bandwidth()).attr('fill', 'none').attr('stroke', '#d0d7de');
      });
    });
    drawGridLabels(svg, {
      columns: columns, rows: rows, x: x, y: y, margin: margin,
      columnLabel: function (id) { return labelOf[id] || id; },
      rowKey: function (id) { return id; },
      rowLabel: function (id) { return labelOf[id] || id; },
    });
    // Pairs are stored with a before b in taxonomy order: a is the column, b the row.
    var cells = svg.append('g').selectAll('g').data(pairs).join('g');
    cells
      .append('rect')
      .attr('class', 'cell')
      .attr('data-pair', function (d) { return d.a + '+' + d.b; })
      .attr('x', function (d) { return x(d.a); })
      .attr('y', function (d) { return y(d.b); })
      .attr('width', x.bandwidth())
      .attr('height', y.bandwidth())
      .attr('fill', function (d) { return colour(d.items); });
    cells
      .append('text')
      .attr('class', 'cell-label')
      .attr('x', function (d) { return x(d.a) + x.bandwidth() / 2; })
      .attr('y', function (d) { return y(d.b) + y.bandwidth() / 2; })
      .attr('dy', '0.35em')
      .attr('text-anchor', 'middle')
      .attr('fill', function (d) { return d.items > max * 0.45 ? '#ffffff' : P.text; })
      .style('font-size', x.bandwidth() < 34 ? '10px' : null)
      .text(function (d) { return compactCount(d.items); });
  }

  [drawPrevalence, drawStages, drawOverTime, drawRecurrence, drawCooccurrence, drawCohorts].forEach(function (draw) {
    draw();
  });
})();
