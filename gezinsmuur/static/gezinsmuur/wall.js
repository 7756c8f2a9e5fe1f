// Infinite scroll for the wall: when the "More photos" link comes into view, fetch the next page
// and append it. Without this script the link simply opens the next page.
(function () {
  "use strict";
  var wall = document.querySelector("[data-wall]");
  var more = document.querySelector("[data-more]");
  if (!wall || !more || !window.IntersectionObserver || !window.fetch) return;
  var link = more.querySelector("[data-more-link]");
  var loading = false;

  function load() {
    if (loading) return;
    loading = true;
    var url = new URL(link.href);
    url.searchParams.set("partial", "1");
    fetch(url.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html;
        var next = template.content.querySelector("[data-next]");
        if (next) next.remove();
        wall.appendChild(template.content);
        if (next) {
          var nextUrl = new URL(link.href);
          nextUrl.searchParams.set("after", next.getAttribute("data-next"));
          link.href = nextUrl.toString();
          // Observe afresh: if the link is still in view, no new intersection would fire.
          observer.unobserve(more);
          observer.observe(more);
        } else {
          observer.disconnect();
          more.remove();
        }
      })
      .catch(function () { observer.disconnect(); })
      .finally(function () { loading = false; });
  }

  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; })) load();
  }, { rootMargin: "600px" });
  observer.observe(more);
})();
