import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { App } from "./app/app";
import { createAppServices } from "./app/services";
import { registerServiceWorker } from "./sw/register-service-worker";
import "./styles/app.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <App services={createAppServices()} />
    </BrowserRouter>
  </StrictMode>,
);
registerServiceWorker();
