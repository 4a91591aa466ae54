// Toolkit index: after filtering, the address ends with #resultats and the browser scrolls to the
// results heading by itself (no JavaScript needed). This only moves the keyboard and screen-reader
// focus there too, so that "12 ressources trouvées" is read out.
(function () {
  if (window.location.hash !== "#resultats") return;
  var heading = document.getElementById("resultats");
  if (heading) heading.focus();
})();
