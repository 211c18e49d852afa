import { BOARD_TEMPLATES } from "@otc/contract";
import type { MessageKey } from "@otc/i18n";
import { can } from "@otc/roles";
import { Container, Text } from "@react-three/uikit";
import { useMemo } from "react";
import { useStore } from "zustand";
import { useSession, useSessionUi } from "../../session-context.js";
import type { MenuTab } from "../hand-menu/menu-tab.js";
import { useT } from "../i18n/language-context.js";
import { UiButton } from "../xr-ui/UiButton.js";
import { UI } from "../xr-ui/ui-theme.js";
import { boardsClientFor, type ToolKind } from "./boards-client.js";
import { COLOURS, TEMPLATE_KEY, WIDTH_KEY, WIDTHS } from "./WhiteboardToolbar.js";

const TAB = "board";
/** The tools with short names (the desktop's "Sticky note" does not fit a quarter of the panel). */
const TOOLS: Array<[ToolKind, MessageKey]> = [
  ["pen", "vrmenu.board.pen"],
  ["highlighter", "vrmenu.board.highlighter"],
  ["eraser", "vrmenu.board.eraser"],
  ["note", "vrmenu.board.note"],
];
/** Colour names for hooks and the docs; the swatch itself shows the colour. */
const COLOUR_NAME: Record<string, MessageKey> = {
  "#1e3a8a": "vrmenu.board.colour.blue",
  "#111827": "vrmenu.board.colour.black",
  "#c62828": "vrmenu.board.colour.red",
  "#2e7d32": "vrmenu.board.colour.green",
  "#ef6c00": "vrmenu.board.colour.orange",
  "#6a1b9a": "vrmenu.board.colour.purple",
};

/**
 * Board: the desktop whiteboard toolbar inside the headset. It reads and writes the same tool store
 * (one per room, `boardsClientFor`) that the controller draws with, and sends the same board ops, so
 * the server validates and refuses them exactly as from the desktop.
 */
function BoardPanel() {
  const { room, layout, selfId } = useSession();
  const tr = useT();
  const client = useMemo(() => boardsClientFor(room, layout.boards), [room, layout.boards]);
  const t = useStore(client.tools);
  const role = useSessionUi((s) => s.participants.find((p) => p.id === selfId)?.role ?? "participant");
  if (layout.boards.length === 0) {
    return (
      <Text fontSize={UI.small} color={UI.muted}>
        {tr("vrmenu.board.none")}
      </Text>
    );
  }
  const board = t.activeBoard;
  const next = layout.boards[(layout.boards.findIndex((b) => b.id === board) + 1) % layout.boards.length]!.id;
  const send = (op: Parameters<typeof client.send>[1]) => client.send(board, op);
  return (
    <Container flexDirection="column" gap={8}>
      <Container flexDirection="row" gap={6} alignItems="center">
        <Text fontSize={UI.fontSize} color={UI.text} flexGrow={1} flexShrink={0}>{tr("vrmenu.board.current", { board })}</Text>
        {layout.boards.length > 1 && <UiButton id="board:next-board" tab={TAB} label={tr("vrmenu.board.next")} fontSize={13} width={120} onPress={() => t.set({ activeBoard: next })} />}
      </Container>
      <Container flexDirection="row" gap={6}>
        {TOOLS.map(([tool, label]) => (
          <UiButton key={tool} id={`board:tool:${tool}`} tab={TAB} label={tr(label)} fontSize={13} selected={t.tool === tool} onPress={() => t.set({ tool })} />
        ))}
      </Container>
      <Container flexDirection="row" gap={6}>
        {COLOURS.map((c) => (
          <UiButton key={c} id={`board:colour:${c}`} tab={TAB} label={COLOUR_NAME[c] ? tr(COLOUR_NAME[c]) : c} swatch={c} width={44} selected={t.colour === c} onPress={() => t.set({ colour: c })} />
        ))}
      </Container>
      <Container flexDirection="row" gap={6}>
        {WIDTHS.map(([w, label]) => (
          <UiButton key={w} id={`board:width:${w}`} tab={TAB} label={WIDTH_KEY[w] ? tr(WIDTH_KEY[w]) : label} fontSize={13} selected={t.width === w} onPress={() => t.set({ width: w })} />
        ))}
      </Container>
      <Container flexDirection="row" gap={6}>
        <UiButton id="board:undo" tab={TAB} label={tr("board.undo")} onPress={() => send({ t: "undo" })} />
        <UiButton id="board:redo" tab={TAB} label={tr("board.redo")} onPress={() => send({ t: "redo" })} />
      </Container>
      {can(role, "board-clear") && (
        <>
          <UiButton id="board:clear" tab={TAB} label={tr("board.clear")} danger onPress={() => send({ t: "clear" })} />
          <Container flexDirection="row" gap={4} flexWrap="wrap">
            {BOARD_TEMPLATES.map((name) => (
              <UiButton key={name} id={`board:template:${name}`} tab={TAB} label={tr(TEMPLATE_KEY[name])} fontSize={12} onPress={() => send({ t: "template", name })} />
            ))}
          </Container>
        </>
      )}
    </Container>
  );
}

const boardTab: MenuTab = { id: TAB, labelKey: "vrmenu.tab.board", order: 15, Panel: BoardPanel };
export default boardTab;
