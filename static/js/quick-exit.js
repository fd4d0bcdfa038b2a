// "Leave quickly": go to a neutral page and replace this page in the history,
// so the Back button does not return here. Without JavaScript the link still works.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a.quick-exit");
  if (!link) return;
  event.preventDefault();
  window.location.replace(link.href);
});
