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
// a menu group (details/summary) closes when one clicks elsewhere, as a menu does
document.addEventListener('click', function (event) {
  document.querySelectorAll('.nav-group details[open]').forEach(function (group) {
    if (!group.contains(event.target)) {
      group.removeAttribute('open');
    }
  });
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
// idle time-out: the server ends a session unused for a while; warn before it does, with a countdown and a button
// that keeps the session, and go to the login page when the time is up (any request, htmx too, starts it again)
(function () {
  var box = null;
  var deadline = 0;
  var timer = null;
  function reset() {
    deadline = Date.now() + Number(box.getAttribute('data-timeout')) * 1000;
    box.hidden = true;
  }
  function signedOut() {
    clearInterval(timer);
    window.location.href = box.getAttribute('data-signed-out');
  }
  function tick() {
    var left = Math.round((deadline - Date.now()) / 1000);
    if (left <= 0) {
      signedOut();
    } else if (left <= Number(box.getAttribute('data-warning'))) {
      box.querySelector('[data-countdown]').textContent =
          Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      box.hidden = false;
    }
  }
  function stay() {
    fetch(box.getAttribute('data-keep-alive'), {credentials: 'same-origin', redirect: 'manual'})
      .then(function (response) {
        if (response.status === 204) {
          reset();
        } else {
          signedOut();
        }
      });
  }
  function start() {
    box = document.getElementById('session-warning');
    if (!box) {
      return;
    }
    reset();
    box.querySelector('[data-stay]').addEventListener('click', stay);
    document.addEventListener('htmx:afterRequest', reset);
    timer = setInterval(tick, 1000);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

// list tables read as cards on a phone: each cell carries its column's name for the CSS to show
// and the visit form works out the income per person as the household's income is typed
(function () {
  function start() {
    document.querySelectorAll('table.table-cards').forEach(function (table) {
      var labels = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
        return th.textContent.trim();
      });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) {
          if (labels[i]) {
            td.setAttribute('data-label', labels[i]);
          }
        });
      });
    });
    document.querySelectorAll('[data-per-capita-of]').forEach(function (input) {
      var target = document.getElementById(input.getAttribute('data-per-capita-of'));
      var members = parseInt(input.getAttribute('data-members'), 10);
      input.addEventListener('input', function () {
        var income = parseFloat(input.value);
        if (target && members > 0 && !isNaN(income)) {
          target.value = Math.round(income / members);
        }
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
