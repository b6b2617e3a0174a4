// Swagger UI over this server's document; validatorUrl null keeps the page from asking
// validator.swagger.io (nothing on this page comes from another origin).
window.ui = SwaggerUIBundle({
  url: "/api/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  validatorUrl: null,
});
