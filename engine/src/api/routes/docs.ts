import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { Router } from 'express';
import { toOpenApi } from '../openapi.js';
import { accessFor } from '../../permissions/model-access.js';
import { actorOf } from '../actor.js';
import { modelOf } from '../pin-model.js';

const SWAGGER_UI = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/**
 * The OpenAPI document of the request's pinned model at `/openapi.json`, so a publish shows up
 * without a restart. It describes the caller's model, so it needs a login like any data route.
 */
export function openApiRouter(): Router {
  const router = Router();
  router.get('/openapi.json', (req, res) => {
    const model = modelOf(req);
    res.json(toOpenApi(model, accessFor(model, actorOf(req))));
  });
  return router;
}

/**
 * Swagger UI, mounted at `/docs`: public static assets; the document itself loads with the token
 * the web apps keep after login (or one entered with "Authorize").
 */
export function docsRouter(): Router {
  const router = Router();
  router.get(['/', '/index.html'], (req, res) => {
    res.type('html').send(docsPage(escapeHtml(req.baseUrl)));
  });
  // Replaces swagger-ui-dist's own initializer, which points at the petstore example.
  router.get('/swagger-initializer.js', (req, res) => {
    res.type('js').send(initializer(`${req.baseUrl.replace(/\/docs$/, '')}/openapi.json`));
  });
  router.use(express.static(SWAGGER_UI, { index: false }));
  return router;
}

function docsPage(assets: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Lodestar API</title>
  <link rel="stylesheet" href="${assets}/swagger-ui.css">
  <link rel="icon" type="image/png" href="${assets}/favicon-32x32.png">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="${assets}/swagger-ui-bundle.js"></script>
  <script src="${assets}/swagger-initializer.js"></script>
</body>
</html>
`;
}

function initializer(documentUrl: string): string {
  // JSON.stringify with `<` escaped: a string literal that cannot end the script.
  const url = JSON.stringify(documentUrl).replace(/</g, '\\u003c');
  const withToken = `(req) => { const token = localStorage.getItem('lodestar.token'); if (token && !req.headers.Authorization) req.headers.Authorization = 'Bearer ' + token; return req; }`;
  return `window.ui = SwaggerUIBundle({ url: ${url}, dom_id: '#swagger-ui', deepLinking: true, persistAuthorization: true, requestInterceptor: ${withToken} });\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
