// Progressive enhancement of the share form: preview, character counter, a smaller upload
// (downscaled in the browser, which also drops the photo's metadata) and a progress bar.
// Without this script the form posts as a plain HTML form.
(function () {
  "use strict";
  var form = document.querySelector("[data-share-form]");
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var input = form.querySelector("[data-photo-input]");
  var preview = form.querySelector("[data-preview]");
  var previewImg = form.querySelector("[data-preview-img]");
  var message = form.querySelector("[data-counter]");
  var counter = form.querySelector("[data-counter-output]");
  var progressBox = form.querySelector("[data-progress]");
  var progress = progressBox && progressBox.querySelector("progress");
  var submitButton = form.querySelector("[data-submit]");
  var MAX_SIDE = 2048, QUALITY = 0.85, DOWNSCALE_TYPES = /^image\/(jpeg|png|webp)$/;
  var previewUrl = null, sending = false;
  var widget = form.querySelector("altcha-widget");
  var waiting = form.querySelector("[data-proof-waiting]");

  // The proof of work (ALTCHA, vendor/altcha) starts when the page loads and is usually done long
  // before the form is. If not, wait for it; if the widget never loaded (an old browser), say so
  // and let the server take the form in its lane for forms without JavaScript.
  function proofReady(data) {
    var solved = form.querySelector('input[name="altcha"]');
    if (!widget || !window.customElements || !window.customElements.get("altcha-widget")) {
      data.set("nojs", "1");
      return Promise.resolve(data);
    }
    if (solved && solved.value) return Promise.resolve(data);
    if (waiting) waiting.hidden = false;
    return new Promise(function (resolve) {
      widget.addEventListener("statechange", function onChange(event) {
        var state = event.detail && event.detail.state;
        if (state !== "verified" && state !== "error" && state !== "expired") return;
        widget.removeEventListener("statechange", onChange);
        if (waiting) waiting.hidden = true;
        if (event.detail.payload) data.set("altcha", event.detail.payload);
        resolve(data);
      });
    });
  }

  function updateCounter() {
    var max = parseInt(message.getAttribute("maxlength"), 10) || 500;
    var left = max - message.value.length;
    counter.hidden = false;
    counter.textContent = (counter.getAttribute("data-template") || "%s / %s")
      .replace("%s", String(left)).replace("%s", String(max));
  }
  if (message && counter) { message.addEventListener("input", updateCounter); updateCounter(); }

  if (input && preview) {
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      if (!file || !/^image\//.test(file.type)) { preview.hidden = true; return; }
      previewUrl = URL.createObjectURL(file);
      previewImg.src = previewUrl;
      preview.hidden = false;
    });
  }

  // Draw the photo at most MAX_SIDE pixels wide or high; browsers apply EXIF orientation when
  // decoding, and a canvas keeps only pixels, so location data never leaves the phone this way.
  function downscale(file) {
    if (blurred()) return window.gezinsmuurBlur.toFile(QUALITY); // blur.js: only the blurred copy
    if (!DOWNSCALE_TYPES.test(file.type) || !window.createImageBitmap) return Promise.resolve(file);
    return createImageBitmap(file).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(blob && blob.size < file.size ? new File([blob], "photo.jpg", { type: "image/jpeg" }) : file);
        }, "image/jpeg", QUALITY);
      });
    }).catch(function () { return file; });
  }

  function blurred() { return Boolean(window.gezinsmuurBlur && window.gezinsmuurBlur.active()); }

  // Show the page the server answered with. The thank-you page shows the private link only
  // once, so it is displayed from this response instead of being fetched a second time.
  function show(xhr) {
    var ok = xhr.status >= 200 && xhr.status < 300 && xhr.responseURL;
    document.open();
    document.write(xhr.responseText);
    document.close();
    if (ok) window.history.replaceState(null, "", xhr.responseURL);
  }

  form.addEventListener("submit", function (event) {
    var file = input && input.files && input.files[0];
    if (!file) return; // let the server say what is missing
    event.preventDefault();
    if (sending) return; // a double click sends once
    sending = true;
    submitButton.disabled = true;
    downscale(file).then(function (upload) {
      var data = new FormData(form);
      data.set(input.name, upload, upload.name || file.name);
      return proofReady(data);
    }).then(function (data) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      if (progress) {
        progressBox.hidden = false;
        xhr.upload.addEventListener("progress", function (e) {
          if (e.lengthComputable) progress.value = Math.round((e.loaded / e.total) * 100);
        });
      }
      xhr.addEventListener("load", function () { show(xhr); });
      xhr.addEventListener("error", function () {
        sending = false; submitButton.disabled = false;
        if (!blurred()) form.submit(); // a plain post would send the photo without the blur
      });
      xhr.send(data);
    }, function () { sending = false; submitButton.disabled = false; });
  });
})();
