"use client";

import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "@/components/translations";
import type { checkLanguage } from "@/lib/language-check/check-language";

type Check = typeof checkLanguage;

// The phrase list and its matcher load when there is first something to check, not with the
// page: most forms are opened to be read or to type a few words, and the page's first load
// stays light. If loading fails (the network went), the next edit tries again; advice never
// blocks saving.
let loading: Promise<Check> | null = null;
function loadCheck(): Promise<Check> {
  loading ??= import("@/lib/language-check/check-language").then(
    (m) => m.checkLanguage,
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

type Props = {
  // The text to check, for a controlled field. Give this or `forId`.
  text?: string;
  // The id of a textarea or input to watch, for an uncontrolled field: its value is read on
  // mount and after each edit.
  forId?: string;
  // How long typing must pause before the advice updates.
  delayMs?: number;
  // For the field's aria-describedby, if wanted.
  id?: string;
  // The text is about a child: suggest safeguarding wording, never "sex worker".
  subjectIsChild?: boolean;
};

// Advises on victim-blaming or stigmatising wording, beside a free-text field. It never
// blocks saving. To use it on any field, put it straight after the field with the field's
// id: `<LanguageAdvice forId="notes" />` (or pass `text` for a controlled field). It takes no
// room until it has advice to give. The live region is always in the page, so screen readers announce advice
// as it appears; the debounce keeps them from announcing every keystroke.
export function LanguageAdvice({ text, forId, delayMs = 600, id, subjectIsChild = false }: Props) {
  const t = useTranslations("language");
  const [watched, setWatched] = useState("");
  const source = text ?? watched;
  const [checked, setChecked] = useState(source);

  useEffect(() => {
    if (!forId) return;
    const field = document.getElementById(forId) as HTMLTextAreaElement | HTMLInputElement | null;
    if (!field) return;
    const read = () => setWatched(field.value);
    // A value already in the field (kept after a failed save) is advised on at once.
    const first = window.setTimeout(() => {
      setWatched(field.value);
      setChecked(field.value);
    }, 0);
    field.addEventListener("input", read);
    return () => {
      window.clearTimeout(first);
      field.removeEventListener("input", read);
    };
  }, [forId]);

  useEffect(() => {
    const timer = window.setTimeout(() => setChecked(source), delayMs);
    return () => window.clearTimeout(timer);
  }, [source, delayMs]);

  const [check, setCheck] = useState<Check | null>(null);
  useEffect(() => {
    if (check || checked.trim() === "") return;
    let live = true;
    loadCheck().then(
      (fn) => live && setCheck(() => fn),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [check, checked]);

  const findings = useMemo(
    () => (check ? check(checked, { subjectIsChild }) : []),
    [check, checked, subjectIsChild],
  );
  return (
    <div id={id} aria-live="polite" className="max-w-2xl">
      {findings.length > 0 && (
        <div className="mt-2 mb-5 border-l-4 border-brand bg-panel p-3">
          <p className="font-bold">
            {t("adviceTitle")}{" "}
            <span className="font-normal">({t("adviceCount", { count: findings.length })})</span>
          </p>
          <p className="mb-2">{t("adviceIntro")}</p>
          <ul className="list-disc pl-5">
            {findings.map((f) => (
              <li key={`${f.id}-${f.start}`} className="mb-1">
                {t("adviceItem", { matched: f.matched, suggestion: f.suggestion })}{" "}
                <span className="text-muted">{t("adviceWhy", { why: f.why })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
