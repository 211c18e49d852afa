import { MAX_MODEL_UPLOAD_BYTES, type ModelReport, type RoomLayout } from "@otc/contract";
import { draftRoomFromReport } from "@otc/rooms";
import { useId, useState } from "react";
import { errorWording } from "../connection/error-text.js";
import { useT } from "../i18n/language-context.js";
import { word, type Wording } from "../i18n/wording.js";
import { BudgetReport } from "./BudgetReport.js";
import { withLogoAt } from "./editor-state.js";
import { formatBytes } from "./format.js";
import { namesFromFile } from "./names-from-file.js";
import { roomImportApi } from "./room-import-api.js";

interface Props {
  /** The reports are read; the facilitator goes on to place anchors on this room draft. */
  onDraft(room: RoomLayout): void;
}

/** The first room file for a report, its logo moved out of the wall onto the nearest wall face. */
function draftWithLogo(report: ModelReport, fileName: string): RoomLayout {
  const draft = draftRoomFromReport(report, namesFromFile(fileName));
  return withLogoAt(draft, draft.logo.position[0], draft.logo.position[2]);
}

/**
 * Upload a GLB (with upload progress), read its budget report, optionally make an optimised copy
 * and read that report, then start placing anchors on a draft room made from the latest report.
 */
export function ModelImport({ onDraft }: Props) {
  const t = useT();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [original, setOriginal] = useState<ModelReport | null>(null);
  const [optimised, setOptimised] = useState<ModelReport | null>(null);
  const [optimising, setOptimising] = useState(false);
  const [error, setError] = useState<Wording | null>(null);

  const upload = async (f: File) => {
    setFile(f);
    setOriginal(null);
    setOptimised(null);
    setError(null);
    if (f.size > MAX_MODEL_UPLOAD_BYTES) return setError({ key: "rooms.model.tooBig", params: { file: f.name, size: formatBytes(f.size, t), max: formatBytes(MAX_MODEL_UPLOAD_BYTES, t) } });
    setProgress(0);
    try {
      setOriginal(await roomImportApi.uploadModel(f, setProgress));
    } catch (e) {
      setError({ key: "rooms.couldNotImport", params: { file: f.name }, reason: errorWording(e) });
    } finally {
      setProgress(null);
    }
  };

  const optimise = async (report: ModelReport) => {
    setOptimising(true);
    setError(null);
    try {
      setOptimised(await roomImportApi.optimise(report.modelId));
    } catch (e) {
      setError({ key: "rooms.model.optimiseFailed", reason: errorWording(e) });
    } finally {
      setOptimising(false);
    }
  };

  const latest = optimised ?? original;
  return (
    <div className="model-import">
      <label htmlFor={fileId}>{t("rooms.model.import")}</label>
      <input
        id={fileId}
        type="file"
        accept=".glb,model/gltf-binary"
        disabled={progress !== null || optimising}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void upload(f);
        }}
      />
      <p className="muted">{t("rooms.model.upTo", { size: formatBytes(MAX_MODEL_UPLOAD_BYTES, t) })}</p>
      {progress !== null && (
        <p role="status">
          {t("rooms.model.uploading", { file: file?.name ?? "" })} <progress max={1} value={progress} aria-label={t("rooms.model.progress")} /> {Math.round(progress * 100)}%
        </p>
      )}
      {error && <p className="error" role="alert">{word(t, error)}</p>}
      {original && <BudgetReport report={original} />}
      {original && !optimised && (
        <div className="actions">
          <button type="button" onClick={() => void optimise(original)} disabled={optimising} aria-busy={optimising}>
            {optimising ? t("rooms.model.optimising") : t("rooms.model.optimise")}
          </button>
        </div>
      )}
      {optimised && <BudgetReport report={optimised} />}
      {latest && !latest.clientReady && (
        <p className="problems">{t("rooms.model.compressed")}</p>
      )}
      {latest && file && (
        <div className="actions">
          <button className="primary" type="button" disabled={!latest.clientReady} onClick={() => onDraft(draftWithLogo(latest, file.name))}>
            {optimised ? t("rooms.model.placeAnchorsOptimised") : t("rooms.model.placeAnchors")}
          </button>
        </div>
      )}
    </div>
  );
}
