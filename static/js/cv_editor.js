/* CV editor, progressive enhancement only (everything works without it):
   - the sticky status bar says "Not saved yet" as soon as the person types, until autosave answers;
   - a big photo is made smaller in the browser before upload (less data on a phone plan). */
(function () {
  "use strict";

  var status = document.getElementById("cv-save-status");
  var form = document.querySelector("form.cv-form");
  if (status && form) {
    var dirty = false;
    form.addEventListener("input", function () {
      if (dirty) return; // say it once, not on every key (screen readers announce each change)
      dirty = true;
      status.innerHTML = "";
      var span = document.createElement("span");
      span.className = "cv-status cv-status-pending";
      span.textContent = status.dataset.unsaved;
      status.appendChild(span);
    });
    document.body.addEventListener("htmx:afterSwap", function (event) {
      if (event.target === status) dirty = false;
    });
  }

  var MAX_SIDE = 1600;
  var RESIZE_FROM = 1024 * 1024; // smaller files go as they are
  var photoForm = document.querySelector("form.cv-photo-form");
  var input = photoForm && photoForm.querySelector("input[type=file]");
  if (!input || !window.createImageBitmap || !window.DataTransfer || !HTMLCanvasElement.prototype.toBlob) return;

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    if (!file || file.size < RESIZE_FROM || !/^image\//.test(file.type)) return;
    createImageBitmap(file, { imageOrientation: "from-image" }).then(function (bitmap) {
      var scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) {
        if (!blob || blob.size >= file.size) return;
        var transfer = new DataTransfer();
        transfer.items.add(new File([blob], "photo.jpg", { type: "image/jpeg" }));
        input.files = transfer.files;
        var note = photoForm.querySelector(".cv-photo-note") || document.createElement("p");
        note.className = "help cv-photo-note";
        note.textContent = photoForm.dataset.resized;
        input.insertAdjacentElement("afterend", note);
      }, "image/jpeg", 0.88);
    }).catch(function () { /* not a picture the browser can read: the server will say so */ });
  });
})();
