// Express + Prisma: the body is parsed, and only the parsed fields are written.
import express from 'express';
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';

const prisma = new PrismaClient();
export const router = express.Router();

const CandidateInput = z.object({
  name: z.string().min(1).max(200),
  email: z.string().email(),
});

router.post('/candidates', async (req, res) => {
  const parsed = CandidateInput.safeParse(req.body);
  if (!parsed.success) return res.status(400).json(parsed.error.flatten());
  const candidate = await prisma.candidate.create({ data: parsed.data });
  res.status(201).json(candidate);
});

router.patch('/candidates/:id', async (req, res) => {
  const changes = CandidateInput.partial().parse(req.body);
  const candidate = await prisma.candidate.update({
    where: { id: req.params.id },
    data: { ...changes, updatedAt: new Date() },
  });
  res.json(candidate);
});
