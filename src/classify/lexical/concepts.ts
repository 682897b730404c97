// A hand-written map from the many ways rejection feedback says a thing to one concept feature.
// Feedback about how answers sounded seldom says "delivery", and feedback about experience often
// says "too green" or "early in your career": the lexical engine matches those to the taxonomy
// through shared concept features rather than shared words. Phrases are matched on word stems, so
// "memorised", "memorising" and "memorized" are one entry. Keep entries general (how people write
// feedback), never copied from any evaluation set.

export const CONCEPTS: Record<string, string[]> = {
  // ---------------------------------------------------------------- qualifications
  credential: [
    'qualification', 'qualified', 'unqualified', 'underqualified', 'degree', 'diploma', 'certificate', 'certification',
    'certified', 'chartered', 'accredited', 'accreditation', 'registered', 'registration', 'entry requirement',
    'minimum requirement', 'grade', 'grades', '2:1', '2 1', 'first class', 'classification', 'ucas', 'a-level', 'a level',
    'gcse', 'gcses', 'masters', 'master s', 'msc', 'mba', 'phd', 'doctorate', 'postgraduate', 'undergraduate', 'bachelor',
    'pgce', 'qts', 'cipd', 'acca', 'cima', 'aca', 'nmc', 'hcpc', 'cscs', 'conversion course', 'professional exams',
    'papers', 'licensed to practise', 'membership', 'transcript',
  ],
  technical_skill: [
    'technical', 'technically', 'technical skill', 'technical knowledge', 'coding', 'code', 'programming', 'programmer',
    'software', 'python', 'java', 'javascript', 'typescript', 'sql', 'excel', 'spreadsheet skills', 'pivot table', 'vlookup',
    'cad', 'autocad', 'salesforce', 'adobe', 'photoshop', 'spss', 'stata', 'tableau', 'power bi', 'cloud', 'aws', 'azure',
    'object-oriented', 'fundamentals', 'proficiency', 'proficient', 'skill set', 'skillset', 'hard skills', 'tooling',
    'financial modelling', 'modelling', 'mathematics', 'mathematician', 'maths', 'statistics', 'statistical', 'analytics',
    'data analysis', 'machine learning', 'engineering knowledge', 'grounding', 'grasp of', 'know-how', 'competence in',
    'fluent', 'fluency', 'language level', 'german', 'french', 'spanish', 'mandarin', 'arabic', 'bilingual',
    'native speaker', 'training in', 'up to speed', 'skills gap', 'skill gap', 'standard we expect',
  ],
  // ---------------------------------------------------------------- experience
  experience_amount: [
    'experience', 'experienced', 'inexperienced', 'inexperience', 'years', 'year s', 'track record', 'background',
    'work history', 'career history', 'exposure', 'hands-on', 'tenure', 'seniority', 'junior', 'senior', 'green',
    'early in your career', 'early career', 'earlier in your career', 'career stage', 'level of responsibility',
    'stepping up', 'step up', 'big jump', 'big step', 'hit the ground running', 'similar role', 'similar position',
    'commercial environment', 'commercial experience', 'in industry', 'industry experience', 'sector experience',
    'placement', 'placements', 'internship', 'internships', 'worked in', 'have worked', 'previous roles', 'prior roles',
    'managed a team', 'management experience', 'line management', 'managing people', 'supervising', 'supervisory',
    'not done that before', 'have not done', 'have not had', 'never worked', 'not yet worked', 'relevant experience',
    'more experience', 'less experienced', 'new to', 'first job', 'entry level', 'overqualified', 'over-qualified',
    'time in the sector', 'time in the role', 'in a similar', 'done so far', 'so far in your career', 'your career so far',
    'learning curve', 'too junior', 'not senior enough', 'at this level', 'a level above', 'ready for', 'not ready',
    'maturity', 'practical experience', 'real-world', 'on the job', 'day-to-day experience', 'client-facing work',
  ],
  // ---------------------------------------------------------------- culture fit
  culture: [
    'culture', 'cultural', 'culturally', 'fit', 'good fit', 'right fit', 'team fit', 'values', 'ethos', 'gel', 'chemistry',
    'personality', 'clash', 'working style', 'style of working', 'way of working', 'ways of working', 'how we work',
    'how our team', 'how the team', 'the way you like to work', 'environment', 'start-up', 'startup', 'pace', 'fast-paced',
    'fast-moving', 'informal', 'hierarchical', 'flat organisation', 'flat structure', 'collaborative', 'collaboration',
    'team player', 'work alone', 'on your own', 'independently', 'individually', 'alongside', 'colleagues', 'outlook',
    'align', 'aligned', 'alignment', 'mission', 'corporate', 'sales-driven', 'mindset', 'attitude', 'team dynamic',
    'dynamics', 'the rest of the team', 'fit in', 'fitted in', 'comfortable in', 'happier somewhere', 'suited to',
    'organisation like ours', 'company like ours', 'team like ours', 'our people', 'the squad', 'rapport', 'processes',
    'structure', 'ambiguity', 'supportive', 'competitive', 'mismatch', 'match how', 'lines up with',
  ],
  // ---------------------------------------------------------------- delivery
  scripted: [
    'scripted', 'script', 'scripts', 'rehearsed', 'over-rehearsed', 'overrehearsed', 'rehearsal', 'memorised', 'memorise',
    'memory', 'word for word', 'verbatim', 'robotic', 'robot', 'reciting', 'recite', 'recited', 'canned', 'learned by heart',
    'learnt by heart', 'by rote', 'rote', 'wooden', 'mechanical', 'formulaic', 'stilted', 'unnatural', 'natural',
    'spontaneous', 'read from', 'reading from', 'notes', 'stiff', 'pre-prepared', 'practised answers', 'textbook answers',
    'autopilot', 'authentic', 'genuine conversation', 'conversation', 'conversational', 'rigid',
  ],
  nerves: [
    'nervous', 'nervously', 'nerves', 'anxious', 'anxiety', 'flustered', 'hesitant', 'hesitation', 'hesitated', 'shaky',
    'uneasy', 'tense', 'jittery', 'under pressure', 'train of thought', 'composure', 'composed', 'confidence', 'confident',
    'unconfident', 'self-assured', 'timid', 'shy', 'talked yourself down', 'relax', 'relaxed', 'panicked', 'panic', 'froze',
    'went blank', 'stammer', 'stammered', 'stumbled', 'stuttered', 'calm', 'self-doubt', 'unsure of yourself', 'apologetic',
  ],
  body_language: [
    'eye contact', 'body language', 'posture', 'fidget', 'fidgeted', 'fidgeting', 'fidgety', 'slouch', 'slouched',
    'slouching', 'arms folded', 'folded arms', 'crossed arms', 'gestures', 'gesturing', 'handshake', 'smile', 'smiled',
    'smiling', 'looked away', 'looking away', 'looked down', 'looking down', 'camera', 'distracting', 'presence',
    'demeanour', 'fiddled', 'fiddling', 'restless',
  ],
  manner: [
    'arrogant', 'arrogance', 'cocky', 'overconfident', 'over-confident', 'dismissive', 'defensive', 'abrupt', 'rude',
    'curt', 'blunt', 'brusque', 'casual', 'slang', 'unprofessional', 'tone', 'flat', 'monotone', 'monotonous', 'voice',
    'softly spoken', 'quiet', 'quietly', 'mumble', 'mumbled', 'mumbling', 'inaudible', 'hard to hear', 'spoke quickly',
    'spoke fast', 'too fast', 'too quickly', 'rushed', 'came across', 'come across', 'comes across', 'came over',
    'impression', 'delivery', 'communication skills', 'communication', 'communicate', 'communicated', 'articulate',
    'inarticulate', 'clarity', 'manner', 'presented yourself', 'engaging', 'disengaged', 'animated', 'lifeless', 'bored',
    'repeat yourself', 'interview technique', 'the way you answered', 'how you answered', 'how you responded',
  ],
  interrupting: [
    'interrupt', 'interrupted', 'interrupting', 'interruption', 'interruptions', 'spoke over', 'talked over',
    'talking over', 'speaking over', 'cut in', 'cutting in', 'cut across', 'cut off', 'cut people off', 'let the interviewer finish',
    'let us finish', 'before the question', 'finished asking', 'finished speaking', 'jumped in', 'butted in', 'talked across',
  ],
  rambling: [
    'ramble', 'rambled', 'rambling', 'rambly', 'waffle', 'waffled', 'waffling', 'long-winded', 'verbose', 'went on',
    'too long', 'at length', 'lengthy', 'tangent', 'tangents', 'off topic', 'off-topic', 'off track', 'drifted', 'digress',
    'digressed', 'concise', 'concisely', 'succinct', 'to the point', 'hard to follow', 'difficult to follow',
    'jumped between', 'got lost', 'too brief', 'brief', 'short answers', 'one-word answers', 'monosyllabic',
    'a sentence or two', 'prompting', 'prompted', 'expand on', 'elaborate', 'answer the question', 'answering the question',
    'the question that was asked', 'focused answers', 'unfocused', 'meandering', 'rambled on',
  ],
  // ---------------------------------------------------------------- examples
  evidence: [
    'example', 'examples', 'instance', 'instances', 'specific', 'specifics', 'specifically', 'evidence', 'evidenced',
    'evidencing', 'back it up', 'back up', 'backed up', 'backing up', 'concrete', 'detail', 'detailed', 'depth', 'in depth',
    'real situation', 'real example', 'situation', 'a time when', 'a time you', 'star', 'star method', 'star structure',
    'outcome', 'outcomes', 'result', 'results', 'impact', 'difference you made', 'measurable', 'quantify', 'quantified',
    'numbers', 'metrics', 'figures', 'achievements', 'accomplishments', 'what you did', 'what you actually did',
    'what you personally', 'personally', 'your own part', 'your part', 'your contribution', 'own contribution',
    'your role in', 'hypothetical', 'hypothetically', 'theoretical', 'theory', 'general', 'generic', 'vague', 'vaguely',
    'superficial', 'high level', 'high-level', 'anecdote', 'anecdotes', 'illustrate', 'illustrated', 'demonstrate',
    'demonstrated', 'show us', 'competency', 'competencies', 'competency-based', 'claims', 'claimed', 'assertions',
    'breadth', 'drawing on', 'draw on', 'actually done', 'actions you took', 'action you took', 'the action',
    'said we', 'saying we', 'we rather than i', 'supported by', 'substantiate', 'probe', 'probed',
  ],
  // ---------------------------------------------------------------- motivation
  motivation: [
    'motivation', 'motivated', 'motivating', 'unmotivated', 'enthusiasm', 'enthusiastic', 'unenthusiastic', 'passion',
    'passionate', 'interest', 'interested', 'uninterested', 'disinterested', 'keen', 'keenness', 'eager', 'eagerness',
    'genuine', 'genuinely', 'commitment', 'committed', 'long-term', 'long term', 'stay with us', 'stop-gap', 'stopgap',
    'for now', 'heart', 'drive', 'driven', 'ambition', 'ambitious', 'energy', 'spark', 'lukewarm', 'ambivalent',
    'indifferent', 'why you applied', 'why you want', 'why you wanted', 'wanted this job', 'want this job', 'really wanted',
    'drawn to', 'draws you', 'attracts you', 'attracted', 'one of many applications', 'main focus', 'priorities',
    'where you see yourself', 'career goals', 'career path', 'care about', 'boredom', 'apathetic', 'apathy',
    'going through the motions', 'half-hearted', 'excited', 'excitement', 'desire', 'willingness', 'buy-in', 'engaged',
    'reasons for applying', 'reason for applying', 'why this role', 'why this career', 'why us', 'not sure whether',
    'whether it is for you', 'settled on', 'convinced you wanted', 'sincere', 'invested', 'dedication', 'dedicated',
  ],
  // ---------------------------------------------------------------- preparation
  research: [
    'research', 'researched', 'researching', 'homework', 'prepared', 'preparation', 'preparing', 'prepare', 'unprepared',
    'underprepared', 'ill-prepared', 'knowledge of', 'understanding of', 'commercial awareness', 'awareness', 'aware',
    'unaware', 'website', 'annual report', 'careers page', 'our company', 'the company', 'our organisation', 'the organisation',
    'our firm', 'the firm', 'what we do', 'our products', 'our services', 'our clients', 'our customers', 'our business',
    'our strategy', 'competitors', 'merger', 'recent news', 'news', 'the industry', 'the sector', 'the market',
    'trends', 'current issues', 'regulator', 'familiar', 'familiarity', 'unfamiliar', 'read up', 'reading up', 'looked into',
    'look into', 'looked at', 'what the role involves', 'the role involves', 'basic knowledge', 'surface level',
    'background reading', 'online', 'knew little', 'did not know', 'heard of', 'ofsted', 'annual review', 'about us',
    'our history', 'our work', 'our mission', 'our values', 'who we are', 'the business', 'how we make money',
  ],
  // ---------------------------------------------------------------- application
  written_application: [
    'cv', 'c v', 'resume', 'résumé', 'cover letter', 'covering letter', 'application form', 'form', 'personal statement',
    'supporting statement', 'motivation statement', 'statement', 'letter', 'linkedin', 'written application',
    'documents', 'document', 'attachment', 'uploaded', 'submitted your application', 'portfolio', 'paperwork',
  ],
  application_quality: [
    'tailor', 'tailored', 'tailoring', 'untailored', 'keywords', 'keyword', 'spelling', 'spelt', 'misspelled', 'misspelt',
    'typo', 'typos', 'grammar', 'grammatical', 'punctuation', 'formatting', 'formatted', 'format', 'layout', 'pages long',
    'proofread', 'proofreading', 'proof-read', 'errors', 'mistakes', 'standard letter', 'template', 'blank', 'left blank',
    'incomplete', 'word limit', 'word count', 'referee', 'referees', 'gaps', 'duties', 'stand out', 'screening', 'shortlisting',
    'sift', 'sifting', 'paper sift', 'person specification', 'person spec', 'essential criteria', 'criteria', 'addressed to',
    'wrong company', 'hard to read', 'difficult to read', 'at a glance', 'presentation of your application', 'dates',
  ],
  deadline: [
    'deadline', 'closing date', 'late', 'too late', 'after the closing date', 'missed the deadline', 'arrived after',
    'received after', 'past the deadline', 'submitted late', 'cut-off date',
  ],
  // ---------------------------------------------------------------- assessment
  tests: [
    'test', 'tests', 'testing', 'online test', 'online assessment', 'psychometric', 'numerical reasoning', 'verbal reasoning',
    'logical reasoning', 'abstract reasoning', 'inductive reasoning', 'diagrammatic reasoning', 'reasoning', 'situational judgement',
    'sjt', 'aptitude', 'personality questionnaire', 'questionnaire', 'score', 'scored', 'scores', 'scoring', 'pass mark',
    'benchmark', 'cut-off', 'cutoff', 'threshold', 'mark', 'marks', 'marking scheme', 'percentile', 'results', 'exam',
    'assessment', 'assessed', 'ran out of time', 'time limit', 'timed',
  ],
  exercises: [
    'exercise', 'exercises', 'group exercise', 'group discussion', 'group task', 'in-tray', 'e-tray', 'case study',
    'case studies', 'case exercise', 'presentation', 'presenting', 'slides', 'role-play', 'roleplay', 'role play', 'task',
    'tasks', 'take-home', 'coding challenge', 'coding test', 'technical test', 'technical task', 'technical exercise',
    'whiteboard', 'written exercise', 'written report', 'written test', 'assessment centre', 'assessment day', 'assessor',
    'assessors', 'lesson observation', 'observed lesson', 'video assessment', 'recorded video', 'video interview',
    'negotiation exercise', 'analysis exercise', 'spreadsheet task', 'the brief', 'time available', 'in the time',
    'test cases', 'trial shift', 'work trial', 'practical task', 'simulation', 'business case', 'scenario',
  ],
  // ---------------------------------------------------------------- competition
  other_candidates: [
    'strong field', 'field', 'other candidates', 'other applicants', 'another candidate', 'another applicant',
    'other applicant', 'one other', 'someone else', 'somebody else', 'successful candidate', 'preferred candidate',
    'chosen candidate', 'stronger candidate', 'stronger candidates', 'stronger', 'more suitable candidate', 'closer match',
    'better match', 'closely matched', 'close decision', 'tough choice', 'difficult decision', 'narrowly', 'narrow margin',
    'second choice', 'runner-up', 'ranked', 'top three', 'competitive', 'competition', 'high calibre', 'calibre',
    'standard of candidates', 'volume of applications', 'number of applications', 'applications for', 'applicants for',
    'outperformed', 'finished ahead', 'ahead of you', 'tipped the balance', 'only one offer', 'could only choose',
    'only choose one', 'offered the job to', 'offered the role to', 'made an offer', 'accepted our offer', 'went with',
    'gone with', 'going with', 'appointed', 'the other person', 'candidate who', 'applicant who', 'pool',
    'excellent candidates', 'strong candidates', 'quality of applicants', 'places', 'very close',
  ],
  internal_or_vacancy: [
    'internal', 'internal candidate', 'internally', 'redeployed', 'redeployment', 'secondment', 'existing staff',
    'already working with us', 'returning member of staff', 'temporary contract', 'filled', 'on hold', 'withdrawn',
    'hiring freeze', 'freeze', 'restructure', 'restructuring', 'reorganise', 'reorganisation', 'no longer exists',
    'budget review', 'budget cuts', 'not recruiting', 'cancelled', 'funding', 'headcount', 'role has been', 'vacancy has been',
    'position has been', 'post has been', 'no longer available', 'paused', 'decided not to fill', 'cut at short notice',
  ],
  // ---------------------------------------------------------------- logistics
  pay: [
    'salary', 'salaries', 'pay', 'paid', 'compensation', 'remuneration', 'package', 'wage', 'wages', 'earnings', 'earn',
    'salary expectations', 'expectations', 'budget', 'figure you mentioned', 'pay band', 'pay scale', 'day rate',
    'hourly rate', 'benefits', 'bonus', 'afford', 'money', 'what we can offer',
  ],
  location: [
    'relocate', 'relocation', 'relocating', 'location', 'located', 'based in', 'commute', 'commuting', 'distance',
    'on site', 'on-site', 'onsite', 'remote', 'remotely', 'hybrid', 'office', 'from home', 'travel', 'travelling',
    'move to', 'too far', 'far away', 'each way', 'in person', 'in the office',
  ],
  hours: [
    'hours', 'working hours', 'shift', 'shifts', 'night shifts', 'weekend', 'weekends', 'rota', 'part-time', 'full-time',
    'days a week', 'availability', 'available', 'unavailable', 'flexible working', 'flexibility', 'start date', 'start in',
    'notice period', 'earliest start', 'start before', 'fixed term', 'fixed-term', 'permanent contract', 'contract',
    'temporary', 'term time', 'evenings', 'overtime', 'on call', 'timeline', 'timing', 'commit to',
  ],
  right_to_work: [
    'visa', 'visas', 'sponsor', 'sponsorship', 'sponsored', 'right to work', 'work permit', 'residency', 'immigration',
    'security clearance', 'clearance', 'dbs', 'background check', 'vetting', 'driving licence', 'driving license',
    'licence', 'license', 'drive', 'driver', 'own car', 'car', 'passport', 'citizenship', 'eligible to work',
  ],
  // ---------------------------------------------------------------- no reason
  decline: [
    'unsuccessful', 'not successful', 'not been successful', 'not progress', 'not be progressing', 'not progressing',
    'not proceed', 'not proceeding', 'decided not to', 'not to proceed', 'not be taking', 'not taking your application',
    'not been selected', 'not selected', 'not been shortlisted', 'not shortlisted', 'moving forward', 'move forward',
    'not be offering', 'not able to offer', 'unable to offer', 'not been offered', 'on this occasion', 'at this time',
    'this time', 'regret', 'regrettably', 'sorry', 'afraid', 'a no', 'not be moving', 'pursue other', 'decided to pursue',
    'other candidates whose', 'reached its decision', 'reached a decision', 'made a decision', 'outcome was not',
    'not positive', 'not be continuing', 'not continue', 'not invite', 'not be inviting', 'not offer you',
  ],
  no_feedback: [
    'unable to provide feedback', 'unable to provide individual feedback', 'individual feedback', 'feedback is not available',
    'feedback not available', 'not available', 'not able to give feedback', 'not give feedback', 'no feedback',
    'policy is not to', 'not able to provide', 'unable to provide', 'unable to give', 'cannot provide', 'can not provide',
    'detailed feedback', 'personal feedback', 'high volume', 'large number of applications',
  ],
  pleasantry: [
    'wish you', 'every success', 'good luck', 'best of luck', 'future endeavours', 'all the best', 'thank you for your interest',
    'thanks for your interest', 'thank you for applying', 'thanks for applying', 'thanks for coming in', 'thank you for attending',
    'thank you for your time', 'thanks for your time', 'on file', 'suitable vacancy', 'future vacancies', 'future opportunities',
    'careful consideration', 'after careful consideration', 'appreciated the time', 'appreciate the time', 'well for the future',
    'job search', 'your search', 'future applications', 'keep your details', 'keep your cv',
  ],
};
