// Express + Prisma: the request body goes straight into the database.
import express from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
export const router = express.Router();

router.post('/candidates', async (req, res) => {
  // Any key the client sends becomes a column: `{ "status": "hired", "salary": -1 }` included.
  const candidate = await prisma.candidate.create({ data: req.body });
  res.status(201).json(candidate);
});

router.patch('/candidates/:id', async (req, res) => {
  // A cast only changes what the compiler believes.
  const changes = req.body as { name?: string; email?: string };
  const candidate = await prisma.candidate.update({
    where: { id: req.params.id },
    data: { ...changes, updatedAt: new Date() },
  });
  res.json(candidate);
});
