// Where the page finds the PMark3 API. Empty: the same origin (`pmark3 serve`, or Azure
// Static Web Apps with the Function App linked as its /api backend). When the page is hosted
// elsewhere (e.g. a Storage static website), set the Function App's origin here, e.g.
// "https://pmark3-func.azurewebsites.net", and allow this page's origin in the app's CORS.
window.PMARK3_CONFIG = {
  apiBase: "",
  // Optional query parameters added to every API call (e.g. {code: "<function key>"} when the
  // Function App's routes use AuthLevel.FUNCTION and no gateway adds the key). Not a secret.
  apiQuery: {},
  pollIntervalMs: 400,
  requestTimeoutMs: 20000,
  runTimeoutMs: 180000,
  maxTextLength: 1000,
};
