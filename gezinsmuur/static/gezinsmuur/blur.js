// Blur editor of the share form: the chosen photo becomes a canvas on which the participant taps
// or drags over faces to pixelate them. share.js then uploads only this canvas, as a JPEG (pixels
// only, no metadata), through window.gezinsmuurBlur. Without this script the photo is sent as
// chosen and the "Blur all faces for me" checkbox asks the server to do it.
(function () {
  "use strict";
  var form = document.querySelector("[data-share-form]");
  var editor = form && form.querySelector("[data-blur-editor]");
  if (!editor || !window.createImageBitmap || !window.HTMLCanvasElement) return;
  var input = form.querySelector("[data-photo-input]");
  var previewImg = form.querySelector("[data-preview-img]");
  var unsupported = form.querySelector("[data-blur-unsupported]");
  var canvas = editor.querySelector("[data-blur-canvas]");
  var undoButton = editor.querySelector("[data-blur-undo]");
  var clearButton = editor.querySelector("[data-blur-clear]");
  var status = editor.querySelector("[data-blur-status]");
  var context = canvas.getContext("2d");
  // Same limit as share.js: the canvas is the upload, so it is also the downscale.
  var MAX_SIDE = 2048, BLOCKS_ACROSS = 12, MIN_BLOCK = 12, TAP_SHARE = 0.15, TAP_PX = 8;
  var EDITABLE = /^image\/(jpeg|png|webp|avif)$/;
  var bitmap = null, regions = [], start = null, loading = 0;

  function announce(name) { status.textContent = editor.getAttribute("data-announce-" + name) || ""; }

  function reset() {
    bitmap = null; regions = []; start = null;
    editor.hidden = true;
    if (unsupported) unsupported.hidden = true;
    if (previewImg) previewImg.hidden = false;
    updateButtons();
  }

  function updateButtons() {
    undoButton.disabled = clearButton.disabled = regions.length === 0;
  }

  // Whole cells at least `block` px a side spanning `length`: no thin sliver keeps detail.
  function cuts(length, block) {
    var count = Math.max(1, Math.floor(length / block)), edges = [];
    for (var i = 0; i <= count; i++) edges.push(Math.round((i * length) / count));
    return edges;
  }

  // Each cell becomes its average colour: the detail is gone from the pixels, not just hidden.
  function pixelate(r) {
    var block = Math.max(MIN_BLOCK, Math.ceil(Math.min(r.w, r.h) / BLOCKS_ACROSS));
    var image = context.getImageData(r.x, r.y, r.w, r.h), d = image.data;
    var rows = cuts(r.h, block), cols = cuts(r.w, block);
    for (var i = 0; i + 1 < rows.length; i++) {
      for (var j = 0; j + 1 < cols.length; j++) {
        var sum = [0, 0, 0], n = 0, y, x, p;
        for (y = rows[i]; y < rows[i + 1]; y++) {
          for (x = cols[j]; x < cols[j + 1]; x++) {
            p = (y * r.w + x) * 4; sum[0] += d[p]; sum[1] += d[p + 1]; sum[2] += d[p + 2]; n++;
          }
        }
        for (y = rows[i]; y < rows[i + 1]; y++) {
          for (x = cols[j]; x < cols[j + 1]; x++) {
            p = (y * r.w + x) * 4;
            d[p] = Math.round(sum[0] / n); d[p + 1] = Math.round(sum[1] / n); d[p + 2] = Math.round(sum[2] / n); d[p + 3] = 255;
          }
        }
      }
    }
    context.putImageData(image, r.x, r.y);
  }

  function draw(selection) {
    context.fillStyle = "#fff"; // transparent pixels look white on the wall, and in a JPEG
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    regions.forEach(pixelate);
    if (selection) {
      context.lineWidth = Math.max(2, canvas.width / 300);
      context.strokeStyle = "#fff";
      context.strokeRect(selection.x, selection.y, selection.w, selection.h);
    }
  }

  function load(file) {
    var ticket = ++loading; // a newer choice wins over a slower decode
    createImageBitmap(file).then(function (decoded) {
      if (ticket !== loading) return;
      var scale = Math.min(1, MAX_SIDE / Math.max(decoded.width, decoded.height));
      bitmap = decoded;
      canvas.width = Math.round(decoded.width * scale);
      canvas.height = Math.round(decoded.height * scale);
      draw();
      editor.hidden = false;
      if (previewImg) previewImg.hidden = true;
    }).catch(function () {
      if (ticket === loading && unsupported) unsupported.hidden = false;
    });
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    var sx = canvas.width / box.width, sy = canvas.height / box.height;
    return { x: (event.clientX - box.left) * sx, y: (event.clientY - box.top) * sy, cssX: event.clientX, cssY: event.clientY };
  }

  function clamp(r) {
    var x = Math.max(0, Math.round(r.x)), y = Math.max(0, Math.round(r.y));
    var right = Math.min(canvas.width, Math.round(r.x + r.w)), bottom = Math.min(canvas.height, Math.round(r.y + r.h));
    return { x: x, y: y, w: Math.max(0, right - x), h: Math.max(0, bottom - y) };
  }

  function between(a, b) {
    return clamp({ x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) });
  }

  // A tap covers a face-sized square around the finger.
  function around(p) {
    var side = Math.min(canvas.width, canvas.height) * TAP_SHARE;
    return clamp({ x: p.x - side / 2, y: p.y - side / 2, w: side, h: side });
  }

  canvas.addEventListener("pointerdown", function (event) {
    if (!bitmap) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    start = point(event);
  });
  canvas.addEventListener("pointermove", function (event) {
    if (start) draw(between(start, point(event)));
  });
  canvas.addEventListener("pointerup", function (event) {
    if (!start) return;
    var end = point(event);
    var tap = Math.abs(end.cssX - start.cssX) < TAP_PX && Math.abs(end.cssY - start.cssY) < TAP_PX;
    var region = tap ? around(start) : between(start, end);
    start = null;
    if (region.w > 0 && region.h > 0) { regions.push(region); announce("added"); }
    draw();
    updateButtons();
  });
  canvas.addEventListener("pointercancel", function () { start = null; draw(); });

  undoButton.addEventListener("click", function () {
    regions.pop(); draw(); updateButtons(); announce("undone");
  });
  clearButton.addEventListener("click", function () {
    regions = []; draw(); updateButtons(); announce("cleared");
  });

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    reset();
    if (!file) return;
    if (EDITABLE.test(file.type)) load(file);
    else if (unsupported && /^image\//.test(file.type)) unsupported.hidden = false;
  });

  // For share.js: while any area is blurred, the canvas is what gets uploaded, never the file.
  window.gezinsmuurBlur = {
    active: function () { return Boolean(bitmap) && regions.length > 0; },
    regions: function () { return regions.slice(); },
    toFile: function (quality) {
      draw();
      return new Promise(function (resolve, reject) {
        canvas.toBlob(function (blob) {
          if (blob) resolve(new File([blob], "photo.jpg", { type: "image/jpeg" }));
          else reject(new Error("canvas export failed"));
        }, "image/jpeg", quality);
      });
    }
  };
})();
