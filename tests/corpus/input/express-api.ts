// @corpus-rules require-input-validation, no-mass-assignment
// Express API of a recruiting product on Prisma, with a few Mongoose-backed routes.
import express, { type Request, type Response, type NextFunction } from 'express';
import { PrismaClient, type Candidate } from '@prisma/client';
import { z } from 'zod';
import axios from 'axios';
import { Note } from './models/note';

const prisma = new PrismaClient();
export const router = express.Router();

const CandidateInput = z.object({
  name: z.string().min(1),
  email: z.string().email(),
  salaryExpectation: z.number().int().positive().optional(),
});
const CandidatePatch = CandidateInput.partial();

// @expect require-input-validation, no-mass-assignment
router.post('/candidates', async (req, res) => {
  const candidate = await prisma.candidate.create({ data: req.body });
  res.status(201).json(candidate);
});

// @expect require-input-validation, no-mass-assignment
router.patch('/candidates/:id', async (req: Request, res: Response) => {
  const updates = req.body as Partial<Candidate>;
  const candidate = await prisma.candidate.update({
    where: { id: req.params.id },
    data: { ...updates, updatedAt: new Date() },
  });
  res.json(candidate);
});

// @expect none
router.put('/candidates/:id', async (req, res) => {
  const data = CandidatePatch.parse(req.body);
  const candidate = await prisma.candidate.update({ where: { id: req.params.id }, data });
  res.json(candidate);
});

// @expect require-input-validation
router.post('/candidates/:id/notes', async (req, res) => {
  const { text, rating } = req.body;
  const note = await prisma.note.create({
    data: { candidateId: req.params.id, authorId: req.user!.id, text, rating: Number(rating) },
  });
  res.status(201).json(note);
});

// @expect none
router.get('/candidates', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const rows = await prisma.candidate.findMany({
    where: { name: { contains: String(req.query.q ?? '') } },
    skip: (page - 1) * 20,
    take: 20,
  });
  res.json(rows);
});

// @expect none
router.delete('/candidates/:id', async (req, res) => {
  await prisma.candidate.delete({ where: { id: req.params.id } });
  res.sendStatus(204);
});

// @expect no-mass-assignment
router.post('/candidates/import', async (req, res) => {
  // Validated, but the raw body is what gets written: keys the schema would drop still reach the row.
  CandidateInput.parse(req.body);
  const created = await prisma.candidate.create({ data: req.body });
  res.status(201).json(created);
});

// @expect require-input-validation
router.post('/candidates/:id/sync', async (req, res) => {
  const { crmOwner } = req.body;
  await axios.post(
    'https://crm.example.com/api/v2/contacts',
    { externalId: req.params.id, owner: crmOwner },
    { timeout: 5000 },
  );
  res.sendStatus(202);
});

// @expect require-input-validation, no-mass-assignment
export async function updateNote(req: Request, res: Response, next: NextFunction) {
  try {
    const note = await Note.findByIdAndUpdate(req.params.id, { $set: req.body }, { new: true });
    res.json(note);
  } catch (err) {
    next(err);
  }
}
router.put('/notes/:id', updateNote);

const NoteInput = z.object({ text: z.string().max(5000) });

// @expect none
export async function createNote(req: Request, res: Response) {
  const note = await Note.create(req.body);
  res.status(201).json(note);
}
router.post('/notes', validateBody(NoteInput), createNote);

// @expect none
router.post('/notes/:id/pin', async (req, res) => {
  await Note.updateOne({ _id: req.params.id }, { $set: { pinnedBy: req.user!.id, pinnedAt: new Date() } });
  res.sendStatus(204);
});

function validateBody(schema: z.ZodTypeAny) {
  return (req: Request, res: Response, next: NextFunction) => {
    const result = schema.safeParse(req.body);
    if (!result.success) return res.status(400).json(result.error.flatten());
    req.body = result.data;
    next();
  };
}
