export { DEVICES, computeAttendance, mergeStays, type Attendance, type AttendanceBody, type AttendanceOptions, type Device, type PersonAttendance, type Stay, type Timed } from "./attendance.js";
export { countEngagement, emptyEngagement, type Contribution, type ContributionKind, type Engagement } from "./engagement.js";
export { buildReport, type ReportInput, type ReportRow, type SessionReport } from "./report.js";
export { REPORT_CSV_COLUMNS, csvCell, reportCsv } from "./csv.js";
export { checkAnswers, summariseSurvey, type QuestionSummary, type SurveyAnswerValues, type SurveyQuestionShape, type SurveyResponse, type SurveySummary } from "./survey.js";
