/*
 * The dashboard's charts, drawn on <canvas> by hand: a line chart (score history, live rates) and
 * a bar chart (score distribution). No library: the machine that builds and serves this has no
 * internet, and these two charts need little.
 *
 * Both functions size the canvas to its CSS box times the device pixel ratio, so lines stay sharp,
 * and redraw from scratch on every call.
 */
'use strict';

const Charts = (() => {
  const MARGIN = { top: 10, right: 12, bottom: 26, left: 52 };
  const GRID = '#dfe3e8';
  const TEXT = '#5f6b7a';
  const FONT = '11px system-ui, sans-serif';
  const LEGEND_HEIGHT = 16;

  /** The 2D context of a canvas sized for this screen, cleared, in CSS pixels. */
  function prepare(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext('2d');
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.font = FONT;
    return { context, width, height };
  }

  /** About `count` round tick values from min to max (1, 2 or 5 times a power of ten apart). */
  function ticks(min, max, count) {
    if (max <= min) {
      return [min];
    }
    const rough = (max - min) / count;
    const power = Math.pow(10, Math.floor(Math.log10(rough)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
    const values = [];
    for (let value = Math.ceil(min / step) * step; value <= max + step * 1e-9; value += step) {
      values.push(Number(value.toPrecision(12)));
    }
    return values;
  }

  /** Horizontal grid lines with their labels on the left; returns the value-to-y mapping. */
  function valueAxis(context, area, min, max, format) {
    const y = (value) => area.bottom - ((value - min) / (max - min || 1)) * (area.bottom - area.top);
    context.strokeStyle = GRID;
    context.fillStyle = TEXT;
    context.textAlign = 'right';
    context.textBaseline = 'middle';
    for (const value of ticks(min, max, 4)) {
      context.beginPath();
      context.moveTo(area.left, y(value));
      context.lineTo(area.right, y(value));
      context.stroke();
      context.fillText(format(value), area.left - 6, y(value));
    }
    return y;
  }

  /** The rectangle the data is drawn in; a legend, when there is one, gets a line above it. */
  function plotArea(width, height, withLegend = false) {
    return {
      left: MARGIN.left,
      right: width - MARGIN.right,
      top: MARGIN.top + (withLegend ? LEGEND_HEIGHT : 0),
      bottom: height - MARGIN.bottom,
    };
  }

  function message(canvas, text) {
    const { context, width, height } = prepare(canvas);
    context.fillStyle = TEXT;
    context.textAlign = 'center';
    context.fillText(text, width / 2, height / 2);
  }

  /**
   * Lines over a numeric x axis.
   * series: [{ name, color, points: [{ x, y }] }]; options: { formatX(x), formatY(y), minY, maxY }.
   * A legend names the series when there are several.
   */
  function lines(canvas, series, options) {
    const all = series.flatMap((s) => s.points);
    if (all.length === 0) {
      message(canvas, options.empty || 'no data');
      return;
    }
    const { context, width, height } = prepare(canvas);
    const area = plotArea(width, height, series.length > 1);
    const minX = Math.min(...all.map((p) => p.x));
    const maxX = Math.max(...all.map((p) => p.x));
    let minY = options.minY ?? Math.min(...all.map((p) => p.y));
    let maxY = options.maxY ?? Math.max(...all.map((p) => p.y));
    if (minY === maxY) {
      // A flat line still needs a scale: open it around the value.
      minY -= 1;
      maxY += 1;
    }
    // Some room above and below the data, so that lines do not run along the frame or legend.
    const room = (maxY - minY) * 0.12;
    maxY = options.maxY ?? maxY + room;
    minY = options.minY ?? minY - room;
    const y = valueAxis(context, area, minY, maxY, options.formatY || String);
    const x = (value) => area.left + ((value - minX) / (maxX - minX || 1)) * (area.right - area.left);

    // Three labels on the time axis: start, middle, end.
    context.fillStyle = TEXT;
    context.textBaseline = 'top';
    [minX, (minX + maxX) / 2, maxX].forEach((value, index) => {
      context.textAlign = ['left', 'center', 'right'][index];
      context.fillText((options.formatX || String)(value), x(value), area.bottom + 8);
    });

    for (const s of series) {
      context.strokeStyle = s.color;
      context.fillStyle = s.color;
      context.lineWidth = 2;
      context.beginPath();
      s.points.forEach((p, index) => (index === 0 ? context.moveTo(x(p.x), y(p.y)) : context.lineTo(x(p.x), y(p.y))));
      context.stroke();
      if (s.points.length === 1) {
        context.beginPath();
        context.arc(x(s.points[0].x), y(s.points[0].y), 3, 0, 2 * Math.PI);
        context.fill();
      }
    }
    if (series.length > 1) {
      let left = area.left;
      context.textAlign = 'left';
      context.textBaseline = 'top';
      for (const s of series) {
        context.fillStyle = s.color;
        context.fillRect(left, MARGIN.top - 6, 10, 10);
        context.fillStyle = TEXT;
        context.fillText(s.name, left + 14, MARGIN.top - 7);
        left += context.measureText(s.name).width + 34;
      }
    }
    context.lineWidth = 1;
  }

  /** Vertical bars: [{ label, value, color }], labelled below, the value above each bar. */
  function bars(canvas, items, options = {}) {
    if (items.length === 0) {
      message(canvas, options.empty || 'no data');
      return;
    }
    const { context, width, height } = prepare(canvas);
    const area = plotArea(width, height);
    const max = Math.max(1, ...items.map((item) => item.value));
    const y = valueAxis(context, area, 0, max, (v) => v.toLocaleString('en'));
    const slot = (area.right - area.left) / items.length;
    // Label every bar when they fit, else every n-th one.
    const labelEvery = Math.ceil(items.length / Math.max(1, Math.floor((area.right - area.left) / 44)));
    context.textAlign = 'center';
    items.forEach((item, index) => {
      const left = area.left + index * slot + slot * 0.1;
      context.fillStyle = item.color || '#2f6fde';
      context.fillRect(left, y(item.value), slot * 0.8, area.bottom - y(item.value));
      context.fillStyle = TEXT;
      if (index % labelEvery === 0) {
        context.textBaseline = 'top';
        context.fillText(item.label, left + slot * 0.4, area.bottom + 8);
      }
    });
  }

  return { lines, bars, message };
})();
