import { MAX_MODEL_UPLOAD_BYTES, type ModelReport, type RoomLayout } from "@otc/contract";
import { draftRoomFromReport } from "@otc/rooms";
import { useId, useState } from "react";
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
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [original, setOriginal] = useState<ModelReport | null>(null);
  const [optimised, setOptimised] = useState<ModelReport | null>(null);
  const [optimising, setOptimising] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const upload = async (f: File) => {
    setFile(f);
    setOriginal(null);
    setOptimised(null);
    setError(null);
    if (f.size > MAX_MODEL_UPLOAD_BYTES) return setError(`${f.name} is ${formatBytes(f.size)}; the largest model the server takes is ${formatBytes(MAX_MODEL_UPLOAD_BYTES)}.`);
    setProgress(0);
    try {
      setOriginal(await roomImportApi.uploadModel(f, setProgress));
    } catch (e) {
      setError(`Could not import ${f.name}: ${e instanceof Error ? e.message : String(e)}`);
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
      setError(`The optimised copy could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setOptimising(false);
    }
  };

  const latest = optimised ?? original;
  return (
    <div className="model-import">
      <label htmlFor={fileId}>Import a 3D model (GLB)</label>
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
      <p className="muted">Up to {formatBytes(MAX_MODEL_UPLOAD_BYTES)}. The model is checked against what a Quest headset can draw smoothly.</p>
      {progress !== null && (
        <p role="status">
          Uploading {file?.name}… <progress max={1} value={progress} aria-label="Upload progress" /> {Math.round(progress * 100)}%
        </p>
      )}
      {error && <p className="error" role="alert">{error}</p>}
      {original && <BudgetReport report={original} />}
      {original && !optimised && (
        <div className="actions">
          <button type="button" onClick={() => void optimise(original)} disabled={optimising} aria-busy={optimising}>
            {optimising ? "Making an optimised copy…" : "Make an optimised copy"}
          </button>
        </div>
      )}
      {optimised && <BudgetReport report={optimised} />}
      {latest && !latest.clientReady && (
        <p className="problems">This model uses compression headsets here cannot decode (Draco or KTX2). Make an optimised copy to use it as a room.</p>
      )}
      {latest && file && (
        <div className="actions">
          <button className="primary" type="button" disabled={!latest.clientReady} onClick={() => onDraft(draftWithLogo(latest, file.name))}>
            Place anchors{optimised ? " on the optimised copy" : ""}
          </button>
        </div>
      )}
    </div>
  );
}
