// Bulwark page behaviour: CSRF header for htmx requests, confirmations, the phone menu toggle.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.hasAttribute('data-confirm') && !window.confirm(form.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
document.addEventListener('click', function (event) {
  var toggle = event.target.closest('[data-toggle-nav]');
  if (toggle) {
    document.getElementById('nav').classList.toggle('show');
  }
});
// switching language keeps the page's own query (search text, filters)
document.addEventListener('click', function (event) {
  var link = event.target.closest('a[data-lang]');
  if (link) {
    var url = new URL(window.location.href);
    url.searchParams.set('lang', link.getAttribute('data-lang'));
    link.href = url.toString();
  }
});
