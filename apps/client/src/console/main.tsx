import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ConsoleApp } from "../features/sessions/ConsoleApp.js";
import { LanguageProvider } from "../features/i18n/language-context.js";
import "./console.css";

const root = document.getElementById("root");
if (!root) throw new Error("console.html has no #root");
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <ConsoleApp />
    </LanguageProvider>
  </StrictMode>,
);
