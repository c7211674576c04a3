// Table shapes of the conferences capability, merged into the store's Database type in db/schema.ts.
import type { Generated } from 'kysely';

export interface ConferenceTable {
  id: Generated<number>;
  slug: string;
  region_id: number;
  ordinal: number | null;
  year: number;
  title_vi: string | null;
  title_en: string | null;
  starts_on: string | null;
  ends_on: string | null;
  host_unit_id: number | null;
  venue: string | null;
  chair: string | null;
  organisers: string | null;
  review_periods: string; // JSON: period codes the conference reviews
  status: string; // planned | held | cancelled
  summary_vi: string | null;
  summary_en: string | null;
  attendance_note: string | null;
  trade_fair: string | null; // JSON TradeFair
  task_groups_stated: number | null; // "19 nhóm nhiệm vụ và giải pháp", as the conclusions state it
  notes: string; // JSON [{vi, en}]
  sources: string; // JSON [{field, document, primer, quote}]
  origin: string; // seed | primer | user
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

export interface ConferencePartyTable {
  id: Generated<number>;
  conference_id: number;
  kind: string; // province | ministry_unit
  unit_id: number | null;
  ministry_unit_id: number | null;
  role: string; // host | co_host | organiser | attending
  note: string | null;
  source: string | null;
}

export interface ConferenceAgendaItemTable {
  id: Generated<number>;
  conference_id: number;
  position: number;
  time_text: string | null;
  title: string;
  presenter: string | null;
  note: string | null;
}

export interface AttachmentTable {
  id: string;
  owner_kind: string;
  owner_id: number;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: string;
}

export interface ConferenceDocumentTable {
  id: Generated<number>;
  conference_id: number;
  kind: string;
  title: string;
  attachment_id: string | null;
  document_id: string | null;
  url: string | null;
  public: Generated<number>;
  created_at: string;
}

export interface HandoverTable {
  id: Generated<number>;
  conference_id: number;
  from_unit_id: number | null;
  to_unit_id: number;
  for_ordinal: number | null;
  for_year: number | null;
  note: string | null;
  source: string | null;
}

export interface DifficultyTable {
  id: Generated<number>;
  unit_id: number;
  region_id: number | null;
  conference_id: number | null;
  period: string | null;
  period_key: number | null;
  field: string;
  kind: string; // limitation | difficulty | obstacle
  body: string; // sanitised rich text
  origin: string;
  source: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ConferencesDatabase {
  conference: ConferenceTable;
  conference_party: ConferencePartyTable;
  conference_agenda_item: ConferenceAgendaItemTable;
  attachment: AttachmentTable;
  conference_document: ConferenceDocumentTable;
  handover: HandoverTable;
  difficulty: DifficultyTable;
}
