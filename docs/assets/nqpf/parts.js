/* The site's data parts, as scripts: a script loads from file://, where fetch() is refused.
 * Each part calls window[callback](name, payload) as it runs. NqpfParts(callback, base) gives
 * load(name): a promise of the part's payload, one request per name however often it is asked;
 * a part that fails to load is asked for again next time. The fact index and "Check a text"
 * load their data through it. */
(function () {
  "use strict";
  window.NqpfParts = function (callback, base) {
    var pending = {};
    var settle = {};
    window[callback] = function (name, payload) {
      if (settle[name]) { settle[name](payload); delete settle[name]; }
    };
    return function load(name) {
      if (!pending[name]) {
        pending[name] = new Promise(function (resolve, reject) {
          settle[name] = resolve;
          var script = document.createElement("script");
          script.src = base + name + ".js";
          script.onerror = function () {
            delete pending[name];
            delete settle[name];
            script.remove();
            reject(new Error("part " + name + " did not load"));
          };
          document.head.appendChild(script);
        });
      }
      return pending[name];
    };
  };
})();
