package fr.plateformecitoyens.core;
